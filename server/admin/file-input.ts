import { closeSync, openSync, readSync } from 'node:fs';

/** The first `maxBytes` + 1 bytes of a file at most: enough to tell it is too large, never all of a huge one. */
export function readFileUpTo(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(maxBytes + 1);
    let got = 0;
    for (let n; got < buf.length && (n = readSync(fd, buf, got, buf.length - got, null)) > 0; ) got += n;
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
