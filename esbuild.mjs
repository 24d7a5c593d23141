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

await esbuild.build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
  // tree-sitter.ts falls back to require.resolve only when run from source; the bundle finds dist/wasm first.
  logOverride: { 'require-resolve-not-external': 'silent' },
});

// The HTML report inlines this file: ECharts (line + bar charts, SVG renderer only) and the drawing code, minified.
await esbuild.build({
  entryPoints: { 'report-charts': 'src/webview/report-charts.ts' },
  outdir,
  bundle: true,
  platform: 'browser',
  target: 'es2020',
  format: 'iife',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// The language server the extension starts in its own process, and the extension itself (vscode is provided by the host).
await esbuild.build({
  entryPoints: { server: 'src/server/main.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  logOverride: { 'require-resolve-not-external': 'silent' },
});
await esbuild.build({
  entryPoints: { extension: 'src/vscode/extension.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
});
// The report page inside VS Code (panel and sidebar view).
await esbuild.build({
  entryPoints: { 'report-page': 'src/webview/report-page.ts' },
  outdir: join(outdir, 'webview'),
  bundle: true,
  platform: 'browser',
  target: 'es2020',
  format: 'iife',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
