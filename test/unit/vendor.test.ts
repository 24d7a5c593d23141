// The heavy libraries stay out of the CLI and server bundles and are loaded from dist/vendor/ on first use
// (src/core/vendor.ts): the list in esbuild.mjs must match the loader's, and the .vsix must ship the vendor files.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VENDOR_PACKAGES } from '../../src/core/vendor';

const ROOT = join(__dirname, '..', '..');

describe('vendor bundles', () => {
  it('esbuild.mjs bundles exactly the packages vendor.ts loads, and the .vsix ships them', () => {
    const build = readFileSync(join(ROOT, 'esbuild.mjs'), 'utf8');
    const listed = /const VENDOR = (\{[^}]*\});/.exec(build)?.[1];
    assert.ok(listed, 'VENDOR table in esbuild.mjs');
    assert.deepEqual(JSON.parse(listed!.replace(/'/g, '"').replace(/([{,]\s*)([A-Za-z-]+):/g, '$1"$2":')), VENDOR_PACKAGES);
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!dist\/vendor\/\*\.js$/m);
  });

  it('after a build, the CLI and server bundles leave the TypeScript compiler and ECharts to dist/vendor', function () {
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) this.skip();
    for (const bundle of ['cli.js', 'server.js']) {
      const text = readFileSync(join(ROOT, 'dist', bundle), 'utf8');
      assert.ok(!text.includes('function createSourceFile('), `${bundle} contains the TypeScript compiler`);
      assert.ok(!text.includes('function registerPreprocessor('), `${bundle} contains ECharts`);
    }
    for (const name of Object.keys(VENDOR_PACKAGES)) assert.ok(statSync(join(ROOT, 'dist', 'vendor', `${name}.js`)).size > 1e6, name);
  });
});
