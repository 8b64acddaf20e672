import { useMemo } from 'react';
import { qrPath } from './qr.js';

export function QrCode({ text, label, size = 240 }: { text: string; label: string; size?: number }) {
  const qr = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  );
}
