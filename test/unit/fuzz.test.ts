// The quick run of the pipeline fuzzing (test/fuzz/pipeline.ts): a few hundred inputs per language on every test
// run, with a fixed seed so a failure replays; `npm run fuzz` runs 100,000 per language. A planted fault must be
// caught, so the properties can fail.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText } from '../../src/core/analyze';
import { resolveConfig } from '../../src/core/config';
import { initTreeSitter } from '../../src/core/parse/tree-sitter';
import { RULE_IDS } from '../../src/core/rules';
import { assertSound, FUZZ_LANGUAGES, inputArbitrary, namesProperty, nestedArbitrary, pipelineProperty, warmUp } from '../fuzz/pipeline';

const loaded = resolveConfig(undefined, RULE_IDS);

describe('fuzzing the pipeline (quick run)', () => {
  before(async () => {
    await initTreeSitter();
    await warmUp();
  });

  for (const language of FUZZ_LANGUAGES) {
    it(`${language}: 150 random and mutated inputs, no exception, ranges inside the file, deterministic, ≤ 1 s each`, async () => {
      await fc.assert(pipelineProperty(language), { numRuns: 150, seed: 20261124 });
    });
  }

  it('hostile file names on disk: each is analysed under its name or listed as skipped with a reason (15 scans)', async function () {
    this.timeout(120_000);
    await fc.assert(namesProperty(), { numRuns: 15, seed: 20261203 });
  });

  it('the deep-nesting generator nests every bracket kind of a language at least 50 deep', () => {
    for (const language of FUZZ_LANGUAGES) {
      const samples = fc.sample(nestedArbitrary(language), { numRuns: 20, seed: 3 });
      assert.ok(
        samples.every((s) => s.length > 50),
        language,
      );
    }
  });

  it('the inputs reach the analysis: mutated real files produce findings', async () => {
    const samples = fc.sample(inputArbitrary('cuda'), { numRuns: 60, seed: 7 });
    let withFindings = 0;
    for (const s of samples) if ((await analyzeText('x.cu', s, 'cuda', loaded)).findings.length) withFindings++;
    assert.ok(withFindings >= 10, `only ${withFindings} of 60 inputs produced findings`);
  });

  it('the checks can fail: a range past the end, a fix past the end, a caught exception', async () => {
    const text = 'void f() {\n  float *d;\n  cudaMalloc(&d, 1 << 20);\n}\n';
    const r = await analyzeText('x.cu', text, 'cuda', loaded);
    assert.ok(r.findings.length > 0);
    assertSound(text, r);
    const f = r.findings[0]!;
    assert.throws(() => assertSound(text, { ...r, findings: [{ ...f, range: { ...f.range, endLine: 6 } }] }), /outside the file/);
    assert.throws(() => assertSound(text, { ...r, findings: [{ ...f, range: { ...f.range, startColumn: 40 } }] }), /outside the file/);
    assert.throws(
      () =>
        assertSound(text, {
          ...r,
          findings: [{ ...f, fixes: [{ description: 'x', edits: [{ startOffset: 0, endOffset: text.length + 1, newText: '' }] }] }],
        }),
      /outside the file/,
    );
    assert.throws(() => assertSound(text, { ...r, entry: { ...r.entry, skipped: 'analysis failed: boom' } }), /escaped/);
    assert.throws(() => assertSound(text, { ...r, entry: { ...r.entry, ruleErrors: ['gpu-missing-free: boom'] } }), /rule threw/);
  });
});
