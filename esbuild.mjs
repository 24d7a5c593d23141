// Bundles the CLI, the language server, the VS Code extension (thin client), the browser scripts (ECharts inside), and copies the tree-sitter WASM files next to them.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const wasmDir = dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
const outdir = 'dist';
mkdirSync(join(outdir, 'wasm'), { recursive: true });
for (const file of ['tree-sitter.wasm', 'tree-sitter-cpp.wasm', 'tree-sitter-python.wasm']) {
  copyFileSync(join(wasmDir, file), join(outdir, 'wasm', file));
}
// The binding's JavaScript too: after a WASM trap, tree-sitter.ts evaluates a fresh copy for a fresh instance.
copyFileSync(join(wasmDir, 'tree-sitter.js'), join(outdir, 'wasm', 'tree-sitter.js'));

const minify = process.argv.includes('--minify');
/** Must match VENDOR_PACKAGES in src/core/vendor.ts (a test checks). */
const VENDOR = { 'typescript-estree': '@typescript-eslint/typescript-estree', echarts: 'echarts' };

/** A Node bundle (CommonJS, Node 20): the CLI, the language server, the extension. */
function nodeBundle(name, entry, extra = {}) {
  return esbuild.build({
    entryPoints: { [name]: entry },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify,
    logLevel: 'warning',
    // tree-sitter.ts falls back to require.resolve only when run from source; the bundle finds dist/wasm first.
    // vendor.ts requires dist/vendor/<name>.js by a computed path, and the package by name only from source.
    logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-require-call': 'silent' },
    external: Object.values(VENDOR),
    ...extra,
  });
}

/** A browser bundle (one IIFE, ECharts inside, always minified): nothing is fetched at view time. */
function browserBundle(name, entry, dir = outdir) {
  return esbuild.build({
    entryPoints: { [name]: entry },
    outdir: dir,
    bundle: true,
    platform: 'browser',
    target: 'es2020',
    format: 'iife',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

// Loaded on first use from dist/vendor/ (src/core/vendor.ts), kept out of the CLI and server bundles.
for (const [name, pkg] of Object.entries(VENDOR)) await nodeBundle(`vendor/${name}`, require.resolve(pkg), { external: [] });
await nodeBundle('cli', 'src/cli/main.ts', { banner: { js: '#!/usr/bin/env node' } });
// The language server the extension starts in its own process, and the extension itself (vscode comes from the host).
await nodeBundle('server', 'src/server/main.ts');
await nodeBundle('extension', 'src/vscode/extension.ts', { external: ['vscode'] });
// The HTML report inlines report-charts.js; the VS Code report panel and Sizing view load webview/report-page.js.
await browserBundle('report-charts', 'src/webview/report-charts.ts');
await browserBundle('report-page', 'src/webview/report-page.ts', join(outdir, 'webview'));
