// Import specifiers to project files: JS/TS (relative, extensions, `.js` -> `.ts`, index files, tsconfig paths and
// baseUrl through `extends`, workspace packages' exports/main) and Python (relative, absolute in the project's roots).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { MemoryFs } from '../../../src/core/project/project-fs';
import { exportsTarget, JsResolver } from '../../../src/core/project/resolve-js';
import { PyResolver } from '../../../src/core/project/resolve-py';

const ROOT = join('/', 'proj');
const at = (p: string) => join(ROOT, ...p.split('/'));
const fsOf = (files: Record<string, string>) => new MemoryFs(Object.fromEntries(Object.entries(files).map(([k, v]) => [at(k), v])));

describe('project: JS/TS import resolution', () => {
  const fs = fsOf({
    'tsconfig.base.json':
      '{\n  // comments and trailing commas, as tsc allows\n  "compilerOptions": { "paths": { "@/*": ["./src/*"], "~lib": ["./src/lib/index.ts"], }, },\n}',
    'tsconfig.json': '{ "extends": "./tsconfig.base.json" }',
    'src/lib/index.ts': '',
    'src/lib/store.ts': '',
    'src/lib/client.mts': '',
    'src/util/index.js': '',
    'src/app.tsx': '',
    'legacy/jsconfig.json': '{ "compilerOptions": { "baseUrl": "./code" } }',
    'legacy/code/helpers/db.js': '',
    'legacy/main.js': '',
    'package.json': '{ "name": "root", "workspaces": ["packages/*", "tools/cli"] }',
    'packages/db/package.json':
      '{ "name": "@acme/db", "exports": { ".": { "types": "./dist/index.d.ts", "import": "./dist/index.js" }, "./models/*": "./src/models/*.ts" } }',
    'packages/db/src/index.ts': '',
    'packages/db/src/models/chat.ts': '',
    'packages/kv/package.json': '{ "name": "kv", "main": "lib/kv.js" }',
    'packages/kv/lib/kv.js': '',
    'tools/cli/package.json': '{ "name": "cli" }',
    'tools/cli/index.ts': '',
    'node_modules/openai/index.js': '',
  });
  const r = new JsResolver(ROOT, fs);
  const from = at('src/app.tsx');
  const cases: Array<[string, string, string | null]> = [
    ['relative without extension', './lib/store', 'src/lib/store.ts'],
    ['relative .js naming the .ts source', './lib/store.js', 'src/lib/store.ts'],
    ['.mjs naming the .mts source', './lib/client.mjs', 'src/lib/client.mts'],
    ['a folder: its index.ts', './lib', 'src/lib/index.ts'],
    ['a folder: its index.js', './util', 'src/util/index.js'],
    ['tsconfig paths through extends', '@/lib/store', 'src/lib/store.ts'],
    ['an exact paths entry', '~lib', 'src/lib/index.ts'],
    ['workspace package: exports "." with conditions, the unbuilt dist entry mapped to src', '@acme/db', 'packages/db/src/index.ts'],
    ['workspace package: an exports subpath pattern', '@acme/db/models/chat', 'packages/db/src/models/chat.ts'],
    ['workspace package: main', 'kv', 'packages/kv/lib/kv.js'],
    ['workspace package listed by folder: its index', 'cli', 'tools/cli/index.ts'],
    ['an installed package is not a project file', 'openai', null],
    ['a Node built-in', 'node:fs', null],
    ['a missing file', './lib/missing', null],
    ['outside the project root', '../../etc/x', null],
  ];
  for (const [name, spec, want] of cases) {
    it(`${name}: ${spec}`, () => assert.equal(r.resolve(spec, from), want === null ? null : at(want)));
  }
  it('jsconfig baseUrl for files under it', () => {
    assert.equal(r.resolve('helpers/db', at('legacy/main.js')), at('legacy/code/helpers/db.js'));
    assert.equal(r.resolve('helpers/db', from), null);
  });
  it('exports: string, conditions, arrays, nested conditions', () => {
    assert.equal(exportsTarget('./i.js', '.'), './i.js');
    assert.equal(exportsTarget({ require: './c.cjs', import: './m.mjs' }, '.'), './m.mjs');
    assert.equal(exportsTarget({ '.': [{ node: { import: './n.mjs' } }, './f.js'] }, '.'), './n.mjs');
    assert.equal(exportsTarget({ './sub': './s.js' }, './other'), null);
  });
  it('an extends cycle ends', () => {
    const cyc = fsOf({ 'tsconfig.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./tsconfig.json" }', 'a.ts': '' });
    assert.equal(new JsResolver(ROOT, cyc).resolve('@/x', at('a.ts')), null);
  });
});

describe('project: Python import resolution', () => {
  const fs = fsOf({
    'app/__init__.py': '',
    'app/store/__init__.py': '',
    'app/store/chat.py': '',
    'app/routes/__init__.py': '',
    'app/routes/chat.py': '',
    'app/config.py': '',
    'src/pkg/__init__.py': '',
    'src/pkg/db.py': '',
    'scripts/tool.py': '',
    'scripts/helpers.py': '',
    'ns/mod.py': '',
    '.venv/lib/python3.11/site-packages/vendorlib/__init__.py': '',
    '.venv/lib/python3.11/site-packages/vendorlib/core.py': '',
    'debian/usr/lib/python3/dist-packages/distlib/core.py': '',
  });
  const r = new PyResolver(ROOT, fs);
  const vendored = at('.venv/lib/python3.11/site-packages/vendorlib/__init__.py');
  const from = at('app/routes/chat.py');
  const cases: Array<[string, string, string, string | null]> = [
    ['from . import x: the package', '.', from, 'app/routes/__init__.py'],
    ['from .. import x: the parent package', '..', from, 'app/__init__.py'],
    ['from ..store.chat import x', '..store.chat', from, 'app/store/chat.py'],
    ['from ..config import x', '..config', from, 'app/config.py'],
    ['absolute inside the scanned root', 'app.store.chat', from, 'app/store/chat.py'],
    ['a package: its __init__.py', 'app.store', from, 'app/store/__init__.py'],
    ['the src layout', 'pkg.db', from, 'src/pkg/db.py'],
    ['a sibling module of a script', 'helpers', at('scripts/tool.py'), 'scripts/helpers.py'],
    ['a namespace folder (no __init__.py) is no file', 'ns', from, null],
    ['a module under a namespace folder', 'ns.mod', from, 'ns/mod.py'],
    ['an installed package', 'openai', from, null],
    ['relative above the root', '....x', from, null],
    // Installed packages inside the scanned folder (a virtualenv, a system tree) are not the project's code, from
    // anywhere: their imports would summarise library modules that no project file's fact can depend on.
    ['an installed package inside the root (site-packages)', 'vendorlib.core', from, null],
    ['a relative import inside site-packages', '.core', vendored, null],
    ['an absolute import inside site-packages, from a file there', 'vendorlib.core', vendored, null],
    ['a dist-packages module, from a sibling there', 'distlib.core', at('debian/usr/lib/python3/dist-packages/other.py'), null],
  ];
  for (const [name, dotted, file, want] of cases) {
    it(`${name}: ${dotted}`, () => assert.equal(r.resolve(dotted, file), want === null ? null : at(want)));
  }
});
