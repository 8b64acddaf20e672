// The layer rule of DESIGN.md section 4, as an allow-list: the folders and packages each layer may import.
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

const NODE = 'node:*';
const SHARED = ['core/contract', 'core/common'];

/**
 * Per layer: the folders (relative to the repo root) and the packages its files may import. The most
 * specific layer wins. `node:*` admits Node's built-in modules; `@scope/*` a whole scope.
 */
export const LAYERS = {
  'core/contract': { folders: ['core/contract'], packages: ['zod'] },
  'core/common': { folders: SHARED, packages: ['zod', 'sm-crypto-v2'] },
  // Documents (certificate PDFs) are built alike for the counter's printer and the server's e-certificate download.
  'core/documents': { folders: ['core/documents', ...SHARED], packages: [NODE, 'zod', 'pdfkit', 'qrcode'] },
  core: { folders: ['core'], packages: [NODE, 'zod', 'ulid', 'better-sqlite3', 'pinyin-pro'] },
  native: { folders: ['native', ...SHARED], packages: [NODE, 'zod', 'iconv-lite', 'serialport', '@serialport/*', '@napi-rs/canvas', 'node-thermal-printer'] },
  renderer: { folders: ['renderer', ...SHARED], packages: ['react', 'react-dom', 'react-i18next', 'i18next', 'zod', 'ulid', 'qrcode', 'vite', '@vitejs/*'] },
  terminal: { folders: ['terminal', 'core', 'native'], packages: [NODE, 'zod', 'ulid', 'better-sqlite3', 'fastify', '@fastify/*', 'ws'] },
  electron: { folders: ['electron', 'terminal', 'core', 'native'], packages: [NODE, 'electron'] },
  server: { folders: ['server', 'core/documents', ...SHARED], packages: [NODE, 'zod', 'ulid', 'kysely', 'pg', '@electric-sql/*', 'fastify', '@fastify/*', 'ws', 'sharp'] },
};

/** Test files (`x.test.ts`) may also use the cross-cutting test helpers and any package (vitest, playwright-core…). */
const TEST_FOLDERS = ['tests'];

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

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

export function packageAllowed(layer, spec) {
  const name = packageName(spec);
  return LAYERS[layer].packages.some((p) =>
    p === NODE ? NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(name) : p.endsWith('/*') ? name.startsWith(p.slice(0, -1)) : name === p,
  );
}

const within = (rel, folders) => folders.some((f) => rel === f || rel.startsWith(`${f}/`));

/** The literal a module specifier starts with: a string, or a template literal's text before its first `${}`. */
function staticSpecifier(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return { spec: node.value, whole: true };
  if (node.type === 'TemplateLiteral') return { spec: node.quasis[0].value.cooked ?? '', whole: node.expressions.length === 0 };
  return null;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layers of DESIGN.md section 4' },
    schema: [],
    messages: {
      layer: '{{from}} may not import {{target}} ({{to}}); allowed: {{allowed}}.',
      pkg: '{{from}} may not import the package "{{pkg}}"; allowed: {{allowed}}.',
      dynamic: '{{from}} may import only a module named in full (a string literal), not a computed one.',
    },
  },
  create(context) {
    const file = context.filename;
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    const from = layerOf(rel);
    if (!from) return {};
    const isTest = /\.test\.[cm]?tsx?$/.test(file);
    const folders = isTest ? [...LAYERS[from].folders, ...TEST_FOLDERS] : LAYERS[from].folders;
    function checkSpec(node, spec) {
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = path.relative(ROOT, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
        if (within(target, folders)) return;
        context.report({ node, messageId: 'layer', data: { from, target: spec, to: layerOf(target) ? `layer ${layerOf(target)}` : target, allowed: folders.join(', ') } });
      } else if (!isTest && !packageAllowed(from, spec)) {
        context.report({ node, messageId: 'pkg', data: { from, pkg: spec, allowed: LAYERS[from].packages.join(', ') } });
      }
    }
    function check(node) {
      const s = staticSpecifier(node);
      if (!s) return context.report({ node, messageId: 'dynamic', data: { from } });
      // A computed tail may reach anywhere below its literal head: the head must be a folder of its own.
      if (!s.whole && !(s.spec.startsWith('.') && s.spec.endsWith('/'))) return context.report({ node, messageId: 'dynamic', data: { from } });
      checkSpec(node, s.whole ? s.spec : `${s.spec}x`);
    }
    const isRequire = (n) => n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1;
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => n.source && check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      CallExpression: (n) => isRequire(n) && check(n.arguments[0]),
      TSImportEqualsDeclaration: (n) => n.moduleReference.type === 'TSExternalModuleReference' && check(n.moduleReference.expression),
    };
  },
};

export default { rules: { layers: layersRule } };
