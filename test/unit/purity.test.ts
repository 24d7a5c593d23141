// src/core is pure: it never imports 'vscode', so the CLI, the server and the tests can load it anywhere.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

describe('src/core purity', () => {
  it('never imports vscode', () => {
    const offenders = files(join(__dirname, '..', '..', 'src', 'core')).filter((f) =>
      /from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('facts never import sizing, report or rules: data flows one way (source -> facts -> rules and sizing)', () => {
    const core = join(__dirname, '..', '..', 'src', 'core');
    const offenders = files(join(core, 'facts')).filter((f) => /from ['"]\.\.\/(sizing|report|rules)\//.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
