// The estimator's notes are message ids with data (issue 20 point 8): each language renders them from its own template,
// so no surface maps an English sentence back to a phrase by a regular expression. Every id has a template in both
// languages that shows its data; the JSON report's `unknowns` are the English renderings; the schema lists the ids.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESTIMATE_NOTE_IDS, noteText, type EstimateNote } from '../../src/core/model/estimate-notes';
import { costText } from '../../src/core/rules/shared/llm-text';
import { estimateCall } from '../../src/core/sizing/llm-estimate';
import { analyzeText } from '../../src/core/analyze';
import { resolveConfig } from '../../src/core/config';
import { initTreeSitter } from '../../src/core/parse/tree-sitter';
import { RULE_IDS } from '../../src/core/rules';

/** One note of each id, with data values no template contains by itself. */
const SAMPLES: EstimateNote[] = [
  { id: 'promptAtRunTime', what: 'userQ7' },
  { id: 'modelExpr', expr: 'cfgM7' },
  { id: 'modelMissing' },
  { id: 'maxTokensNotConstant', param: 'limitP7' },
  { id: 'boundRequired', param: 'max_tokens', provider: 'Anthropic' },
  { id: 'noMaximum' },
  { id: 'outputNotTokens', api: 'moderations' },
  { id: 'dimensionsUnknown' },
  { id: 'providerUnknown', model: 'acme-9' },
  { id: 'noPrice', model: 'acme-9' },
  { id: 'approximateTokens', charsPerToken: 4, source: 'srcX7' },
  { id: 'inputAtRunTime' },
];

describe('estimator notes: ids with data, rendered per language', () => {
  before(() => initTreeSitter());

  it('the samples cover every id; each language shows the data and the two languages differ', () => {
    assert.deepEqual(SAMPLES.map((n) => n.id).sort(), [...ESTIMATE_NOTE_IDS].sort());
    for (const n of SAMPLES) {
      const en = noteText(n, 'en');
      const ko = noteText(n, 'ko');
      assert.notEqual(en, ko, n.id);
      for (const [k, v] of Object.entries(n)) if (k !== 'id') for (const t of [en, ko]) assert.ok(t.includes(String(v)), `${n.id} ${k}: ${t}`);
      // The Korean text is Korean: once the data is taken out, no English word is left but the API's name.
      let rest = ko;
      for (const [k, v] of Object.entries(n)) if (k !== 'id') rest = rest.split(String(v)).join(' ');
      assert.deepEqual(rest.match(/[A-Za-z]{2,}/g)?.filter((w) => w !== 'API') ?? [], [], `${n.id}: ${ko}`);
    }
  });

  it("the report schema's note ids are the registry's", () => {
    const schema = readFileSync(join(__dirname, '..', '..', 'docs', 'report.schema.json'), 'utf8');
    const m = /"notes": \{[\s\S]*?"enum": \[([^\]]*)\]/.exec(schema);
    assert.ok(m, 'docs/report.schema.json has the notes enum');
    assert.deepEqual(JSON.parse(`[${m[1]}]`), [...ESTIMATE_NOTE_IDS]);
  });

  it('a call of a model without a price: unknowns are the English renderings, the Korean message renders the id', async () => {
    const text = `from openai import OpenAI\nclient = OpenAI(timeout=5)\n\ndef ask(q):\n    return client.chat.completions.create(model="acme-llm-9", max_tokens=50, messages=[{"role": "user", "content": q}])\n`;
    const r = await analyzeText('a.py', text, 'python', resolveConfig(undefined, RULE_IDS));
    const fact = r.llmFacts!.calls[0]!;
    const summary = estimateCall(fact);
    assert.deepEqual(
      summary.notes.map((n) => n.id),
      ['promptAtRunTime', 'noPrice'],
    );
    assert.deepEqual(
      summary.unknowns,
      summary.notes.map((n) => noteText(n, 'en')),
    );
    assert.ok(costText(summary, 'ko').includes('실행 시에만 알 수 있는 프롬프트 텍스트: q'), costText(summary, 'ko'));
    assert.ok(costText(summary, 'en').includes('prompt text known only at run time: q'), costText(summary, 'en'));
  });
});
