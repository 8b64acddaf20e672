import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { metaContentSecurityPolicy } from '../core/common/security-headers.js';

/** The pages' CSP as a meta tag, from the one definition the services send as a header. */
const cspMeta: Plugin = {
  name: 'hall-csp-meta',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() }, injectTo: 'head-prepend' }],
};

/** Builds every screen (kiosk now; counter, rating, hall later) into one SPA at dist/renderer. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [cspMeta, react()],
  build: {
    // Relative to root (renderer/): the terminal service serves <repo>/dist/renderer.
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Kiosk PCs run a current Chromium (Electron or --kiosk): no legacy targets needed.
    target: 'chrome120',
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4780' } },
});
