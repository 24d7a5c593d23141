// The registry equals the rule files, every rule has a docs page and a test, and each page's "bad" example
// reports its rule while the "good" example does not.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, RULE_IDS } from '../../../src/core/rules';
import { render } from '../../../src/core/l10n';
import type { Language } from '../../../src/core/model/types';
import { findingsOf } from '../../helpers/rule-tester';

const ROOT = join(__dirname, '..', '..', '..');
const FENCE_LANGUAGES: Record<string, Language> = {
  cuda: 'cuda',
  c: 'c',
  cpp: 'cpp',
  python: 'python',
  typescript: 'typescript',
  javascript: 'javascript',
};

describe('rule registry', () => {
  it('lists exactly the rule files', () => {
    const files = readdirSync(join(ROOT, 'src/core/rules'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'rule.ts')
      .map((f) => f.slice(0, -3))
      .sort();
    assert.deepEqual([...RULE_IDS].sort(), files);
  });

  it('has unique ids in kebab-case, each with a test file and messages', () => {
    assert.equal(new Set(RULE_IDS).size, RULE_IDS.length);
    for (const rule of RULES) {
      assert.match(rule.meta.id, /^[a-z]+(-[a-z]+)+$/);
      assert.ok(existsSync(join(ROOT, 'test/unit/rules', `${rule.meta.id}.test.ts`)), `${rule.meta.id} has no test`);
      assert.ok(Object.keys(rule.meta.messages).length > 0);
    }
  });

  it('fills templates and refuses a missing value', () => {
    assert.equal(render({ m: { en: '{{a}} and {{ b }}', ko: '' } }, 'en', 'm', { a: 1, b: 'x' }), '1 and x');
    assert.throws(() => render({ m: { en: '{{missing}}', ko: '' } }, 'en', 'm', {} as never), /missing/);
  });

  for (const rule of RULES) {
    describe(`docs/rules/${rule.meta.id}.md`, () => {
      const path = join(ROOT, 'docs/rules', `${rule.meta.id}.md`);
      const doc = existsSync(path) ? readFileSync(path, 'utf8') : '';
      const blocks = [...doc.matchAll(/```(\w+) (bad|good)\n([\s\S]*?)```/g)].map((m) => ({ fence: m[1]!, kind: m[2]!, code: m[3]! }));

      it('exists with a title, why and fix sections, and bad and good examples', () => {
        assert.ok(doc.startsWith(`# ${rule.meta.id}\n`), 'title');
        assert.match(doc, /## Why/);
        assert.match(doc, /## How to fix/);
        assert.ok(
          blocks.some((b) => b.kind === 'bad'),
          'a bad example',
        );
        assert.ok(
          blocks.some((b) => b.kind === 'good'),
          'a good example',
        );
      });

      it('bad example reports, good example does not', async () => {
        for (const b of blocks) {
          const language = FENCE_LANGUAGES[b.fence];
          assert.ok(language, `unknown fence language ${b.fence}`);
          const findings = await findingsOf(rule, { code: b.code, language });
          if (b.kind === 'bad') assert.ok(findings.length > 0, `bad example of ${rule.meta.id} reports nothing`);
          else
            assert.deepEqual(
              findings.map((f) => f.message),
              [],
              `good example of ${rule.meta.id} reports`,
            );
        }
      });
    });
  }
});
