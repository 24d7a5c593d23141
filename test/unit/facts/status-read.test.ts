// A status stored in a local counts as checked only when it is read before it is overwritten (issue 17): a check
// macro defined in a project header that names the variable in its body is such a read.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeText } from '../../../src/core/analyze';
import { clearIncludeCaches } from '../../../src/core/facts/c-includes';
import { resolveConfig } from '../../../src/core/config';
import { initTreeSitter } from '../../../src/core/parse/tree-sitter';
import { RULE_IDS } from '../../../src/core/rules';

const MAIN = '#include "fail.h"\n#include <CL/cl.h>\nint f(cl_command_queue q) {\n  cl_int err = clFinish(q);\n  BAIL_ON_FAILURE\n  return 0;\n}\n';
const loaded = resolveConfig(undefined, RULE_IDS);

async function uncheckedOf(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'aia-status-'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  const r = await analyzeText('main.c', MAIN, 'c', loaded, undefined, { absolutePath: join(root, 'main.c'), root });
  return r.findings.filter((f) => f.ruleId === 'opencl-unchecked-error').map((f) => f.message);
}

describe('stored statuses read through macros', () => {
  before(async () => {
    await initTreeSitter();
    clearIncludeCaches();
  });

  it('a macro from a project header whose body tests the variable reads it', async () => {
    assert.deepEqual(await uncheckedOf({ 'main.c': MAIN, 'fail.h': '#define BAIL_ON_FAILURE if (err != CL_SUCCESS) return 1;\n' }), []);
  });

  it('without the header the stored status is reported as never read', async () => {
    const messages = await uncheckedOf({ 'main.c': MAIN });
    assert.equal(messages.length, 1);
    assert.match(messages[0]!, /clFinish is stored in err/);
  });
});
