/** Counter numbers as a visitor reads them: [1, 2, 3] → "1–3", [1, 3] → "1, 3", [1, 2, 5] → "1–2, 5". */
export function counterSpan(counters: readonly number[]): string {
  const sorted = [...new Set(counters)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}
