import assert from 'node:assert/strict';
import { analyzeText } from '../../src/core/analyze';
import { resolveConfig } from '../../src/core/config';
import { RULE_IDS } from '../../src/core/rules';
import type { Language } from '../../src/core/model/types';

const loaded = resolveConfig(undefined, RULE_IDS);
const rulesAt = async (code: string, language: Language = 'cuda') =>
  (await analyzeText('x', code, language, loaded)).findings.map((f) => `${f.range.startLine} ${f.ruleId}`);

const LOOP = (directive: string) =>
  `void f(float* d) {\n  for (int i = 0; i < 4; i++) { step(d);\n${directive}    cudaDeviceSynchronize();\n  }\n}\n`;

describe('inline suppressions', () => {
  it('without a directive both rules report', async () => {
    assert.deepEqual(await rulesAt(LOOP('')), ['3 gpu-sync-in-loop', '3 gpu-unchecked-call']);
  });

  it('disable-next-line with a rule list', async () => {
    assert.deepEqual(await rulesAt(LOOP('    // ai-infra-advisor-disable-next-line gpu-sync-in-loop -- intentional\n')), ['4 gpu-unchecked-call']);
  });

  it('disable-next-line without a list disables every rule', async () => {
    assert.deepEqual(await rulesAt(LOOP('    /* ai-infra-advisor-disable-next-line */\n')), []);
  });

  it('disable-line and whole-file disable', async () => {
    const code =
      'void f(float* d) {\n  for (int i = 0; i < 4; i++) { step(d); cudaDeviceSynchronize(); } // ai-infra-advisor-disable-line gpu-unchecked-call\n}\n';
    assert.deepEqual(await rulesAt(code), ['2 gpu-sync-in-loop']);
    assert.deepEqual(await rulesAt(`/* ai-infra-advisor-disable gpu-sync-in-loop, gpu-unchecked-call */\n${code}`), []);
  });

  it('python comments work; a directive inside a string does not', async () => {
    const py =
      'import torch\nfor i in range(3):\n    # ai-infra-advisor-disable-next-line\n    torch.cuda.synchronize()\n    s = "ai-infra-advisor-disable-next-line"\n    torch.cuda.synchronize()\n';
    assert.deepEqual(await rulesAt(py, 'python'), ['6 gpu-sync-in-loop']);
  });
});
