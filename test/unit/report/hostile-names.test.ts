// Plain-object look-ups by names from outside: a model, class, callee, type, variable, file extension or workload
// size named after an Object.prototype member must be an unknown name, never "function Object() { [native code] }",
// NaN bytes or a crash. Every table keyed by outside text is searched with the hostile names; the server's sizing
// request refuses an unknown profile instead of sizing NaN.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runCli } from '../../../src/cli/main';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { C_API_TABLE } from '../../../src/core/facts/c-api-table';
import { AI_SDK_FUNCTIONS, LANGCHAIN_CLASSES, OPENAI_LEGACY_METHODS, STORE_MODULES } from '../../../src/core/facts/llm-api-table';
import { C_TYPE_LAYOUTS, DTYPE_BYTES } from '../../../src/core/facts/type-sizes';
import { detectLanguage } from '../../../src/core/files/discover';
import { own } from '../../../src/core/model/lookup';
import { initTreeSitter } from '../../../src/core/parse/tree-sitter';
import { RULE_IDS } from '../../../src/core/rules';
import { LLM_FACTS, modelLimits, priceOf } from '../../../src/core/sizing/llm-models';
import { encodingFor } from '../../../src/core/facts/llm-tokens';
import { INSTANCE_TYPES } from '../../../src/core/sizing/prices';
import { codeLenses, hoverAt } from '../../../src/server/lsp-mapping';
import { checkSizingReportParams } from '../../../src/server/protocol';

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
const hostile = fc.oneof(fc.constantFrom(...PROTO_NAMES, 'prototype', '__proto__'), fc.string({ maxLength: 12 }));
/** What a prototype hit prints. */
const LEAK = /native code|function |\[object |NaN|Infinity|undefined/;

describe('hostile names in table look-ups', function () {
  this.timeout(60_000);
  before(initTreeSitter);

  it('every static table keyed by outside text has only its own entries', () => {
    const tables = {
      C_API_TABLE,
      AI_SDK_FUNCTIONS,
      LANGCHAIN_CLASSES,
      OPENAI_LEGACY_METHODS,
      STORE_MODULES,
      C_TYPE_LAYOUTS,
      DTYPE_BYTES,
      INSTANCE_TYPES,
      embeddingDims: LLM_FACTS.embeddingDims,
    };
    fc.assert(
      fc.property(hostile, (name) => {
        for (const [id, t] of Object.entries(tables)) {
          const expected = Object.prototype.hasOwnProperty.call(t, name) ? (t as Record<string, unknown>)[name] : undefined;
          assert.equal((t as Record<string, unknown>)[name], expected, `${id}[${JSON.stringify(name)}]`);
          assert.equal(name in t, expected !== undefined, `${JSON.stringify(name)} in ${id}`);
        }
        const lang = detectLanguage(`src/file.${name}`);
        assert.ok(lang === undefined || typeof lang === 'string', `detectLanguage(file.${name})`);
        assert.equal(typeof encodingFor(name), 'string');
        const limits = modelLimits(name);
        assert.ok(limits.maxOutputTokens === null || Number.isFinite(limits.maxOutputTokens), `modelLimits(${name})`);
        const price = priceOf(name);
        assert.ok(price === null || Number.isFinite(price.inputPerMTok), `priceOf(${name})`);
        assert.equal(own({ a: 1 }, name), name === 'a' ? 1 : undefined);
      }),
      { numRuns: 2000 },
    );
  });

  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    it(`code naming a model, class, callee, type and variable '${name}': no prototype member in any surface`, async () => {
      const loaded = resolveConfig(undefined, RULE_IDS);
      const files: Array<[string, string, 'typescript' | 'python' | 'cuda']> = [
        [
          'a.ts',
          `import OpenAI from 'openai';\nimport { ${name === '__proto__' ? 'x' : name} } from 'ai';\nconst c = new OpenAI();\nexport const f = () => c.chat.completions.create({ model: '${name}', messages: [{ role: 'user', content: 'hi' }] });\nexport const e = () => c.embeddings.create({ model: '${name}', input: 'x' });\n`,
          'typescript',
        ],
        [
          'a.py',
          `import openai\nfrom langchain_openai import ${name}\nfrom openai import OpenAI\nc = OpenAI()\nllm = ${name}(model="${name}")\nr = c.chat.completions.create(model="${name}", messages=[{"role": "user", "content": "hi"}])\nx = openai.${name}.create(model="${name}")\n`,
          'python',
        ],
        [
          'k.cu',
          `typedef float ${name}_t;\nvoid f(int n) {\n  float *${name};\n  ${name}(&${name}, n);\n  cudaMalloc(&${name}, sizeof(${name}) * 4);\n  cudaMalloc((void**)&${name}, 16 * sizeof(${name}_t));\n}\n`,
          'cuda',
        ],
      ];
      for (const [path, text, language] of files) {
        const a = await analyzeText(path, text, language, loaded);
        assert.equal(a.entry.ruleErrors, undefined, `${path}: ${a.entry.ruleErrors}`);
        const lines = text.split('\n').length;
        const shown = [
          JSON.stringify(a.findings.map((f) => f.message)),
          JSON.stringify(codeLenses(a, loaded.gpu, loaded.config.safetyFactor)),
          JSON.stringify(a.llm),
          JSON.stringify(a.gpu),
        ];
        for (let l = 1; l <= lines; l++) shown.push(JSON.stringify(hoverAt(a, l, loaded.gpu, loaded.config.safetyFactor)));
        for (const s of shown) assert.doesNotMatch(s, LEAK, `${path}: ${s.slice(0, 400)}`);
      }
    });
  }

  it('a workload size expression named after a prototype member sizes from the file, never NaN', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-proto-'));
    writeFileSync(join(dir, 'k.cu'), 'void f() { float *d; cudaMalloc(&d, __proto__); cudaMalloc(&d, constructor * 4); }\n');
    writeFileSync(join(dir, 'ai-infra-advisor.workload.json'), JSON.stringify({ gpu: { datasets: [{ file: 'k.cu', sizes: { n: 1 } }] } }));
    for (const format of ['text', 'json', 'md']) {
      let out = '';
      await runCli(['report', '.', '--format', format, '--fail-on', 'never'], {
        stdout: (s) => (out += s),
        stderr: (s) => (out += s),
        cwd: dir,
        isTTY: false,
      });
      assert.match(out, /k\.cu/);
      assert.doesNotMatch(out, /NaN|native code|Infinity/, `${format}: ${out.slice(0, 2000)}`);
    }
  });

  it('the sizing request: an unknown profile, render or assumption is refused by name, never sized as NaN', () => {
    fc.assert(
      fc.property(hostile, (name) => {
        const known = ['low', 'medium', 'high'].includes(name);
        const r = checkSizingReportParams({ profile: name });
        assert.equal(typeof r === 'string', !known, `profile ${JSON.stringify(name)}`);
        assert.equal(typeof checkSizingReportParams({ render: name }) === 'string', !['md', 'html', 'json'].includes(name));
        const a = checkSizingReportParams(JSON.parse(`{"assumptions": {${JSON.stringify(name)}: 1}}`));
        assert.ok(typeof a === 'string' || Object.keys(a.assumptions ?? {}).every((k) => k === name));
      }),
      { numRuns: 2000 },
    );
    assert.match(checkSizingReportParams({ profile: 'constructor' }) as string, /profile must be one of low, medium, high/);
    assert.match(checkSizingReportParams(JSON.parse('{"assumptions": {"__proto__": 1}}')) as string, /not an assumption/);
    assert.match(checkSizingReportParams({ assumptions: { avgRequestsPerSecond: Infinity } }) as string, /finite number/);
    assert.match(checkSizingReportParams({ rootUri: 42 }) as string, /rootUri must be a file: URI/);
    assert.match(checkSizingReportParams([]) as string, /must be an object/);
    assert.deepEqual(checkSizingReportParams({ profile: 'high', diagnostics: true, render: 'md', workDoneToken: 't' }), {
      profile: 'high',
      diagnostics: true,
      render: 'md',
      workDoneToken: 't',
    });
  });
});
