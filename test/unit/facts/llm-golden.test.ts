// The OpenAI analysis's whole output on the bundled examples and the project fixtures, against stored copies
// (test/golden/llm/): every call site's facts (kind, model, bounds, stores, cache lookup, TTL, callers) and every
// finding of the llm-* rules with its message. It guards moves of the analysis (issue 16: one analysis over a syntax
// adapter per language) that must not change what users see; a change that is meant is rewritten with
// UPDATE_GOLDEN=1 and the diff of the files reviewed.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../../src/core/analyze';

const ROOT = join(__dirname, '..', '..', '..');
const GOLDEN = join(ROOT, 'test', 'golden', 'llm');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const TREES: Record<string, string> = {
  examples: 'examples',
  'py-app': 'test/fixtures/project/py-app',
  'ts-app': 'test/fixtures/project/ts-app',
  synthetic: 'accuracy/synthetic/openai',
};

/** The analysis's LLM output as stable JSON: per file its summary, and the llm-* findings, paths relative to the tree. */
async function snapshot(dir: string): Promise<string> {
  const result = await analyze({ root: join(ROOT, dir), workers: 1 });
  const findings = result.findings
    .filter((f) => f.ruleId.startsWith('llm-'))
    .map((f) => ({
      rule: f.ruleId,
      path: f.path,
      line: f.range.startLine,
      severity: f.severity,
      message: f.message,
      related: f.related?.map((r) => `${r.range.startLine} ${r.message}`),
      fixes: f.fixes,
    }));
  const llm = [...result.llm].sort((a, b) => a.path.localeCompare(b.path, 'en'));
  return `${JSON.stringify({ llm, findings }, null, 1)}\n`;
}

describe('OpenAI analysis output on the examples and fixtures (golden)', function () {
  this.timeout(120_000);
  for (const [name, dir] of Object.entries(TREES))
    it(`${name} (${dir}) gives the stored facts and findings`, async () => {
      const actual = await snapshot(dir);
      const file = join(GOLDEN, `${name}.json`);
      if (UPDATE) writeFileSync(file, actual);
      let expected: string;
      try {
        expected = readFileSync(file, 'utf8');
      } catch {
        assert.fail(`${relative(ROOT, file)} is missing: run with UPDATE_GOLDEN=1 to write it`);
      }
      assert.ok(JSON.parse(expected).llm.length > 0, `${name}: the stored copy has no OpenAI file (the guard would guard nothing)`);
      if (actual === expected) return;
      const a = actual.split('\n');
      const e = expected.split('\n');
      const at = a.findIndex((line, i) => line !== e[i]);
      assert.fail(`${name} differs at line ${at + 1}:\n  stored: ${e[at] ?? '(end)'}\n  now:    ${a[at] ?? '(end)'}`);
    });
});
