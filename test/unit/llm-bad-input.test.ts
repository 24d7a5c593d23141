// Bad JS/TS/Python input on the OpenAI path: the run never throws, keeps what it can, and skips bundles with a reason.
import assert from 'node:assert/strict';
import { analyzeText } from '../../src/core/analyze';
import { resolveConfig } from '../../src/core/config';
import { RULE_IDS } from '../../src/core/rules';

const loaded = resolveConfig(undefined, RULE_IDS);
const CALL = "client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] })";

describe('OpenAI analysis: bad input', () => {
  it('a TS syntax error is counted, not thrown', async () => {
    const r = await analyzeText('a.ts', `import OpenAI from 'openai';\nconst client = new OpenAI(;\n${CALL}\n`, 'typescript', loaded);
    assert.equal(r.entry.skipped, undefined);
    assert.equal(r.entry.parseErrors, 1);
  });

  it('TSX with JSX and decorators parses and reports', async () => {
    const code = `import OpenAI from 'openai';\nconst client = new OpenAI();\nfunction log(t: unknown, k: string) {}\nclass Svc {\n  @log\n  ask() { return ${CALL}; }\n}\nexport const View = () => <div className="x">{String(new Svc())}</div>;\n`;
    const r = await analyzeText('view.tsx', code, 'typescript', loaded);
    assert.equal(r.entry.parseErrors, undefined);
    assert.deepEqual(r.findings.map((f) => f.ruleId).sort(), ['llm-missing-max-tokens', 'llm-missing-timeout']);
  });

  it('a 1 MB template string prompt is counted without trouble', async () => {
    const long = 'lorem ipsum dolor sit amet '.repeat(40_000);
    const code = `import OpenAI from 'openai';\nconst client = new OpenAI({ timeout: 1 });\nexport const f = (q: string) => client.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: \`${long}\${q}\` }] });\n`;
    const r = await analyzeText('long.ts', code, 'typescript', loaded);
    assert.equal(r.llm?.calls.length, 1);
    assert.ok(r.llm!.calls[0]!.estInputTokens > 100_000, `tokens: ${r.llm!.calls[0]!.estInputTokens}`);
    assert.equal(r.llm!.calls[0]!.estInputIsLowerBound, true);
  });

  it('a minified bundle is skipped with a reason', async () => {
    const line = `var a=new OpenAI();${'a.chat.completions.create({model:"gpt-4o"});'.repeat(600)}`;
    const r = await analyzeText('vendor.js', line, 'javascript', loaded);
    assert.match(r.entry.skipped ?? '', /minified bundle \(average line \d+ characters\)/);
    const named = await analyzeText('app.min.js', `import OpenAI from 'openai';\nnew OpenAI();\n`, 'javascript', loaded);
    assert.match(named.entry.skipped ?? '', /minified bundle \(\.min\.js\)/);
  });

  it('special-token text and broken Python never throw', async () => {
    const r = await analyzeText(
      'a.py',
      'from openai import OpenAI\nc = OpenAI(\nc.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "<|endoftext|> hi"}])\n',
      'python',
      loaded,
    );
    assert.equal(r.entry.skipped, undefined);
    assert.ok((r.entry.parseErrors ?? 0) > 0);
    const t = await analyzeText(
      'b.ts',
      "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1 });\nc.chat.completions.create({ model: 'gpt-4o', max_tokens: 1, messages: [{ role: 'user', content: '<|endoftext|><|im_start|>' }] });\n",
      'typescript',
      loaded,
    );
    assert.ok(t.llm!.calls[0]!.estInputTokens > 0);
  });

  it('non-UTF-8 bytes decoded as replacement characters are analysed', async () => {
    const text = Buffer.from([...Buffer.from("import OpenAI from 'openai';\n// caf"), 0xe9, 0xff, ...Buffer.from('\nnew OpenAI();\n')]).toString(
      'utf8',
    );
    const r = await analyzeText('latin1.js', text, 'javascript', loaded);
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.range.startLine]),
      [['llm-missing-timeout', 3]],
    );
  });
});
