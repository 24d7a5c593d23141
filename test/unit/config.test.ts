import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, loadConfigFile, resolveConfig } from '../../src/core/config';
import { RULE_IDS } from '../../src/core/rules';

describe('configuration', () => {
  it('defaults to a T4 with a 25% chunking threshold and 2 MB files', () => {
    const c = resolveConfig(undefined, RULE_IDS);
    assert.equal(c.gpu.id, 't4');
    assert.equal(c.config.chunkThreshold, 0.25);
    assert.equal(c.config.maxFileBytes, 2_000_000);
    assert.deepEqual(c.problems, []);
  });

  it('names each invalid field and keeps the default for it, valid fields still apply', () => {
    const c = resolveConfig({ targetGpu: 'gtx-480', chunkThreshold: 3, maxFileBytes: 1000, rules: { 'gpu-sync-in-loop': 'loud', 'no-such-rule': 'off', 'gpu-missing-free': 'error' }, colour: true }, RULE_IDS);
    const fields = c.problems.map((p) => p.field).sort();
    // One message per field, and one bad rule setting drops that rule's setting only.
    assert.deepEqual(fields, ['chunkThreshold', 'colour', 'rules.gpu-sync-in-loop', 'rules.no-such-rule', 'targetGpu']);
    assert.deepEqual(c.config.rules, { 'gpu-missing-free': 'error' });
    assert.match(c.problems.find((p) => p.field === 'rules.gpu-sync-in-loop')!.message, /"loud" is not one of off, info, warning, error/);
    assert.equal(c.config.targetGpu, DEFAULT_CONFIG.targetGpu);
    assert.equal(c.config.chunkThreshold, DEFAULT_CONFIG.chunkThreshold);
    assert.equal(c.config.maxFileBytes, 1000);
    assert.match(c.problems.find((p) => p.field === 'targetGpu')!.message, /t4, l4/);
    // A wrong type and a value outside the list are one problem, the one that lists the allowed values.
    const typed = resolveConfig({ targetGpu: 5 }, RULE_IDS);
    assert.equal(typed.problems.length, 1);
    assert.match(typed.problems[0]!.message, /allowed values: t4, l4/);
  });

  it('unknown rule ids are reported and dropped', () => {
    const c = resolveConfig({ rules: { 'no-such-rule': 'off', 'gpu-missing-free': 'error' } }, RULE_IDS);
    assert.deepEqual(c.problems.map((p) => p.field), ['rules.no-such-rule']);
    assert.deepEqual(c.config.rules, { 'gpu-missing-free': 'error' });
  });

  it('custom GPU needs its memory', () => {
    assert.equal(resolveConfig({ targetGpu: 'custom', customGpu: { memoryGiB: 12 } }, RULE_IDS).gpu.memoryGiB, 12);
    const missing = resolveConfig({ targetGpu: 'custom' }, RULE_IDS);
    assert.equal(missing.gpu.id, 't4');
    assert.deepEqual(missing.problems.map((p) => p.field), ['targetGpu']);
  });

  it('a broken JSON file is reported and the run continues with defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-config-'));
    writeFileSync(join(dir, 'ai-infra-advisor.config.json'), '{ "targetGpu": "h100", ');
    const c = loadConfigFile(dir, RULE_IDS);
    assert.equal(c.gpu.id, 't4');
    assert.match(c.problems[0]!.message, /not valid JSON/);
    assert.equal(c.fatal, undefined);
  });

  it('an explicit missing file is fatal; a missing default file is not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-config-'));
    assert.match(loadConfigFile(dir, RULE_IDS, join(dir, 'nope.json')).fatal ?? '', /not found/);
    assert.equal(loadConfigFile(dir, RULE_IDS).fatal, undefined);
  });
});
