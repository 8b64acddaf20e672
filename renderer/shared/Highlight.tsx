import type { Highlight as Segments } from '../../core/contract/procedures.js';

/** Matched runs in <mark> (styled with weight and underline too, so colour is not the only signal). */
export function Highlight({ segments }: { segments: Segments }) {
  return (
    <>
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}
