// Bundles the desktop-VS Code integration tests (test/electron) for @vscode/test-cli: one CommonJS file per test,
// `vscode` left to the extension host, mocha's globals left to the runner.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

await esbuild.build({
  entryPoints: readdirSync('test/electron')
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join('test/electron', f)),
  outdir: 'out/electron',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: true,
  logLevel: 'warning',
});
