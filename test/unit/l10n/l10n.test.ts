// The one localisation mechanism (src/core/l10n): rendering by id with named data, and the rule that the core, the
// server and the CLI have one language type, owned there (the VS Code client uses vscode.l10n and is left out).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineMessages, isLang, langOf, LANGS, messageOf, render, translator } from '../../../src/core/l10n';

const SRC = join(__dirname, '..', '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

const CATALOGUE = defineMessages({
  copies: { en: '{{n}} copies of {{what}}', ko: '{{what}} {{n}}개 복사' },
  plain: { en: 'no data', ko: '데이터 없음' },
  chunks: messageOf<{ n: number }>({ en: ({ n }) => `${n} chunk${n === 1 ? '' : 's'}`, ko: ({ n }) => `청크 ${n}개` }),
});

describe('l10n', () => {
  it('renders a template by id in each language, English by default', () => {
    assert.equal(render(CATALOGUE, 'en', 'copies', { n: 3, what: 'x' }), '3 copies of x');
    assert.equal(render(CATALOGUE, 'ko', 'copies', { n: 3, what: 'x' }), 'x 3개 복사');
    assert.equal(render(CATALOGUE, undefined, 'plain'), 'no data');
    const t = translator(CATALOGUE);
    assert.equal(t('en', 'chunks', { n: 1 }), '1 chunk');
    assert.equal(t('en', 'chunks', { n: 2 }), '2 chunks');
    assert.equal(t('ko', 'chunks', { n: 2 }), '청크 2개');
  });

  it('a missing value or an unknown id is an error, not a hole in the text', () => {
    assert.throws(() => render(CATALOGUE, 'en', 'copies', { n: 3 } as never), /needs 'what'/);
    const untyped = render as (...args: unknown[]) => string;
    assert.throws(() => untyped(CATALOGUE, 'en', 'nope'), /unknown message id 'nope'/);
  });

  it('values pass the credential choke point', () => {
    const key = 'sk-proj-' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0';
    assert.doesNotMatch(render(CATALOGUE, 'en', 'copies', { n: 1, what: key }), /a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0/);
  });

  it('language tags and arguments', () => {
    assert.equal(langOf('ko-KR'), 'ko');
    assert.equal(langOf('en-US'), 'en');
    assert.equal(langOf(undefined), 'en');
    assert.deepEqual(
      ['en', 'ko', 'fr', 1].map((v) => isLang(v)),
      [true, true, false, false],
    );
    assert.deepEqual(LANGS, ['en', 'ko']);
  });

  it("one language type: no module of the core, server or CLI spells its own 'en' | 'ko'", () => {
    const own = /'en'\s*\|\s*'ko'|'ko'\s*\|\s*'en'/;
    const offenders = ['core', 'server', 'cli']
      .flatMap((d) => files(join(SRC, d)))
      .filter((f) => !f.startsWith(join(SRC, 'core', 'l10n')) && own.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    assert.deepEqual(offenders, []);
  });
});
