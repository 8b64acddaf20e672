// The layer rule of DESIGN.md section 4: which top-level folders and packages each layer may import.
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Folders (relative to the repo root) each layer may import from. The most specific layer wins. */
export const LAYERS = {
  'core/contract': ['core/contract'],
  core: ['core'],
  native: ['native', 'core/contract'],
  renderer: ['renderer', 'core/contract'],
  terminal: ['terminal', 'core', 'native'],
  electron: ['electron', 'terminal', 'core', 'native'],
  server: ['server', 'core/contract'],
};

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const UI = ['react', 'react-dom', 'react-i18next', 'i18next'];
const DEVICES = ['serialport', 'node-thermal-printer', 'node-webcam', '@serialport/'];

/** Packages a layer's runtime code must not import (test files are exempt). */
export const FORBIDDEN_PACKAGES = {
  'core/contract': (p) => p !== 'zod' && !p.startsWith('zod/'),
  core: (p) => p === 'electron' || UI.includes(p) || DEVICES.some((d) => p.startsWith(d)),
  native: (p) => p === 'electron' || UI.includes(p),
  renderer: (p) => NODE_BUILTINS.has(p) || ['electron', 'better-sqlite3', 'fastify', 'ws'].includes(p) || DEVICES.some((d) => p.startsWith(d)),
  terminal: (p) => p === 'electron' || UI.includes(p),
  server: (p) => p === 'electron' || p === 'better-sqlite3' || UI.includes(p),
  electron: (p) => UI.includes(p),
};

export function layerOf(relPath) {
  const norm = relPath.split(path.sep).join('/');
  return Object.keys(LAYERS)
    .filter((l) => norm === l || norm.startsWith(`${l}/`))
    .sort((a, b) => b.length - a.length)[0];
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layers of DESIGN.md section 4' },
    schema: [],
    messages: {
      layer: '{{from}} may not import {{target}} (layer {{to}}); allowed: {{allowed}}.',
      pkg: '{{from}} may not import the package "{{pkg}}".',
    },
  },
  create(context) {
    const file = context.filename;
    const rel = path.relative(ROOT, file);
    const from = layerOf(rel);
    if (!from) return {};
    const isTest = /\.test\.tsx?$/.test(file);
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const targetRel = path.relative(ROOT, path.resolve(path.dirname(file), spec));
        const to = layerOf(targetRel);
        const allowed = LAYERS[from];
        const ok = allowed.some((a) => targetRel === a || targetRel.startsWith(`${a}/`)) || (!to && !targetRel.startsWith('..'));
        if (!ok) context.report({ node, messageId: 'layer', data: { from, target: spec, to: to ?? targetRel, allowed: allowed.join(', ') } });
      } else if (!isTest && FORBIDDEN_PACKAGES[from]?.(packageName(spec)) && !(from === 'core/contract' && spec.startsWith('zod'))) {
        context.report({ node, messageId: 'pkg', data: { from, pkg: spec } });
      }
    }
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value),
    };
  },
};

export default { rules: { layers: layersRule } };
