// A page for wedge.test.ts: a React-controlled search field, as on the kiosk, with the scanner hook.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useWedgeScanner } from '../../renderer/shared/useWedgeScanner.js';

declare global {
  interface Window {
    wedgeScans: string[];
    wedgeSubmits: string[];
  }
}
window.wedgeScans = [];
window.wedgeSubmits = [];

function Page() {
  const [query, setQuery] = useState('');
  const [last, setLast] = useState('');
  // A far wider gap than the 35 ms default: a busy CI machine's key dispatch must not split a scan
  // (the people in these tests type one key per 600 ms, well clear of it).
  useWedgeScanner(
    (code) => {
      window.wedgeScans.push(code);
      setLast(code);
    },
    { maxGapMs: 200 },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        window.wedgeSubmits.push(query);
      }}
    >
      <input data-testid="search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      <output data-testid="last-scan">{last}</output>
    </form>
  );
}

createRoot(document.getElementById('root')!).render(<Page />);
