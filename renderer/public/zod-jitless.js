// Runs before any module script: zod builds its schemas with `jitless` read at construction, and the
// screens' shared chunk may build contract schemas before main.tsx runs. Without it zod probes
// `new Function`, which the page's CSP (no eval) reports as a violation.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
