import { config } from 'zod';

// Imported before anything that builds a schema: the page's CSP forbids eval, and without
// `jitless` zod probes `new Function`, which the browser reports as a CSP violation.
config({ jitless: true });
