// Korean rule messages: every English template has a Korean one with exactly the same placeholders, and the CLI's
// --lang ko (and a config file's "lang") switch the messages.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';
import { RULES } from '../../../src/core/rules';
import { MESSAGES_KO } from '../../../src/core/rules/shared/messages.ko';
import { PHRASES } from '../../../src/core/rules/shared/phrases';

const placeholders = (t: string) => [...t.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
const ROOT = join(__dirname, '..', '..', '..');

describe('Korean rule messages', () => {
  it('every template is translated with the same placeholders, and nothing extra', () => {
    for (const r of RULES) {
      const ko = MESSAGES_KO[r.meta.id];
      assert.ok(ko, `${r.meta.id} has no Korean messages`);
      assert.deepEqual(Object.keys(ko).sort(), Object.keys(r.meta.messages).sort(), r.meta.id);
      for (const [id, en] of Object.entries(r.meta.messages)) {
        assert.deepEqual(placeholders(ko[id]!), placeholders(en), `${r.meta.id}.${id}`);
        assert.match(ko[id]!, /[\uAC00-\uD7A3]/, `${r.meta.id}.${id} is Korean`);
      }
    }
    assert.deepEqual(Object.keys(MESSAGES_KO).sort(), RULES.map((r) => r.meta.id).sort());
  });

  it('the CLI prints Korean messages with --lang ko, English by default, and rejects other languages', async () => {
    const run = async (args: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: ROOT, isTTY: false });
      return { code, out, err };
    };
    const ko = await run(['scan', 'examples/cuda/whole_dataset_saxpy.cu', '--lang', 'ko', '--fail-on', 'never']);
    assert.match(ko.out, /이 지점에서 살아 있는 장치 메모리가 18\.00 GiB/);
    const en = await run(['scan', 'examples/cuda/whole_dataset_saxpy.cu', '--fail-on', 'never']);
    assert.match(en.out, /Device memory live here reaches 18\.00 GiB/);
    assert.equal((await run(['scan', 'examples', '--lang', 'fr'])).code, 2);
  });

  it('every phrase a rule inserts has a Korean form with the same placeholders', () => {
    for (const [id, p] of Object.entries(PHRASES)) {
      assert.deepEqual(placeholders(p.ko), placeholders(p.en), id);
      assert.notEqual(p.ko, p.en, `${id} is translated`);
    }
  });

  it('Korean messages, related locations and fix titles over every example and fixture carry no English phrase', async () => {
    let out = '';
    await runCli(['scan', 'examples', 'test/fixtures', 'test/e2e/workspace', '--lang', 'ko', '--format', 'json', '--fail-on', 'never'], {
      stdout: (s) => (out += s),
      stderr: () => undefined,
      cwd: ROOT,
      isTTY: false,
    });
    const findings = (
      JSON.parse(out) as {
        findings: Array<{ ruleId: string; message: string; related?: Array<{ message: string }>; fixes?: Array<{ description: string }> }>;
      }
    ).findings;
    assert.ok(findings.length > 40, `${findings.length} findings`);
    // Three or more lowercase English words in a row, outside quotes and code (identifiers, expressions, calls).
    const english = (text: string) => text.replace(/'[^']*'|"[^"]*"|`[^`]*`|\S*[(.=_]\S*/g, ' ').match(/\b[a-z]{2,}(?: [a-z]{2,}){2,}\b/g);
    const offenders = findings.flatMap((f) =>
      [f.message, ...(f.related ?? []).map((r) => r.message)].filter((m) => english(m)).map((m) => `${f.ruleId}: ${english(m)!.join(' | ')} — ${m}`),
    );
    assert.deepEqual(offenders, []);
    // Quick-fix titles are short ("Add timeout"): in Korean each must carry Hangul, i.e. be translated at all.
    const fixes = findings.flatMap((f) => (f.fixes ?? []).map((x) => `${f.ruleId}: ${x.description}`));
    assert.ok(fixes.length >= 4, fixes.join(' | '));
    assert.deepEqual(
      fixes.filter((t) => !/[\uac00-\ud7a3]/.test(t)),
      [],
    );
  });
});
