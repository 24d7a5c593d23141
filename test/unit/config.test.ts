import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, loadConfigFile, MAX_SETTINGS_FILE_BYTES, problemsIn, problemText, resolveConfig } from '../../src/core/config';
import { analyze } from '../../src/core/analyze';
import { toJsonReport } from '../../src/core/report/json';
import { loadWorkloadFile, resolveWorkload } from '../../src/core/sizing/workload';
import { validateSettings } from '../../src/server/settings';
import { DEFAULT_SETTINGS } from '../../src/server/protocol';
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
    const c = resolveConfig(
      {
        targetGpu: 'gtx-480',
        chunkThreshold: 3,
        maxFileBytes: 1000,
        rules: { 'gpu-sync-in-loop': 'loud', 'no-such-rule': 'off', 'gpu-missing-free': 'error' },
        colour: true,
      },
      RULE_IDS,
    );
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
    assert.deepEqual(
      c.problems.map((p) => p.field),
      ['rules.no-such-rule'],
    );
    assert.deepEqual(c.config.rules, { 'gpu-missing-free': 'error' });
  });

  it('custom GPU needs its memory', () => {
    assert.equal(resolveConfig({ targetGpu: 'custom', customGpu: { memoryGiB: 12 } }, RULE_IDS).gpu.memoryGiB, 12);
    const missing = resolveConfig({ targetGpu: 'custom' }, RULE_IDS);
    assert.equal(missing.gpu.id, 't4');
    assert.deepEqual(
      missing.problems.map((p) => p.field),
      ['targetGpu'],
    );
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

  it('a config or workload file that cannot be read (a folder, too large) is a message naming the file; defaults are used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-config-'));
    mkdirSync(join(dir, 'ai-infra-advisor.config.json'));
    mkdirSync(join(dir, 'ai-infra-advisor.workload.json'));
    const c = loadConfigFile(dir, RULE_IDS);
    assert.deepEqual(
      c.problems.map((p) => p.field),
      ['(file)'],
    );
    assert.match(c.problems[0]!.message, /ai-infra-advisor\.config\.json could not be read \(it is a folder\); using defaults/);
    assert.equal(c.gpu.id, 't4');
    const w = loadWorkloadFile(dir);
    assert.match(
      w.problems.map((p) => p.message).join('\n'),
      /ai-infra-advisor\.workload\.json could not be read \(it is a folder\); using the profile alone/,
    );
    const big = mkdtempSync(join(tmpdir(), 'aia-config-'));
    writeFileSync(join(big, 'ai-infra-advisor.config.json'), `{"targetGpu": "h100", "pad": "${'x'.repeat(MAX_SETTINGS_FILE_BYTES)}"}`);
    const b = loadConfigFile(big, RULE_IDS);
    assert.match(b.problems[0]!.message, /could not be read \(more than the 1000000 bytes a settings file may have\)/);
    assert.equal(b.gpu.id, 't4');
  });
});

describe('editor settings (aiInfraAdvisor.*)', () => {
  it('each bad value is named with what was expected; the other settings still apply', () => {
    const { settings, problems } = validateSettings({
      targetGpu: 'h100',
      profile: 'huge',
      codeLens: 'yes',
      maxFileBytes: -1,
      engines: 'redis',
      prices: [1],
      include: ['**/*.cu', 3],
      exclude: ['gen/**'],
      rules: { 'gpu-missing-free': 'off', 'gpu-unchecked-call': 'loud', 'no-such-rule': 'error' },
    });
    assert.equal(settings.targetGpu, 'h100');
    assert.deepEqual(settings.exclude, ['gen/**']);
    assert.deepEqual(settings.rules, { 'gpu-missing-free': 'off' });
    assert.equal(settings.profile, DEFAULT_SETTINGS.profile);
    assert.equal(settings.codeLens, true);
    assert.equal(settings.maxFileBytes, DEFAULT_SETTINGS.maxFileBytes);
    assert.equal(settings.engines, undefined);
    assert.equal(settings.include, undefined);
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    assert.deepEqual(
      Object.keys(byField).sort(),
      ['codeLens', 'engines', 'include', 'maxFileBytes', 'prices', 'profile', 'rules.gpu-unchecked-call', 'rules.no-such-rule']
        .map((f) => `aiInfraAdvisor.${f}`)
        .sort(),
    );
    assert.equal(problems.length, 8, 'one message per field');
    assert.match(byField['aiInfraAdvisor.profile']!, /^"huge" is not one of low, medium, high; using the default "medium"$/);
    assert.match(byField['aiInfraAdvisor.codeLens']!, /"yes" is not true or false; using the default true/);
    assert.match(byField['aiInfraAdvisor.rules.gpu-unchecked-call']!, /"loud" is not one of off, info, warning, error/);
    assert.match(byField['aiInfraAdvisor.rules.no-such-rule']!, /unknown rule 'no-such-rule' ignored/);
  });

  it('an unknown GPU, a rules value that is not an object and settings that are not an object fall back to the defaults', () => {
    const a = validateSettings({ targetGpu: 5, rules: 'off' });
    assert.equal(a.settings.targetGpu, 't4');
    assert.deepEqual(
      a.problems.map((p) => p.field),
      ['aiInfraAdvisor.targetGpu', 'aiInfraAdvisor.rules'],
    );
    assert.match(a.problems[0]!.message, /^5 is not a known GPU id \(t4, l4, .*\); using the default "t4"$/);
    const b = validateSettings('garbage');
    assert.deepEqual(b.settings, { ...DEFAULT_SETTINGS, rules: {} });
    assert.match(b.problems[0]!.message, /must be an object/);
    assert.deepEqual(validateSettings(undefined).problems, []);
    assert.deepEqual(validateSettings({}).problems, []);
  });
});

describe('configuration problems in Korean', () => {
  const HANGUL = /[\uac00-\ud7a3]/;
  it('every config, workload and settings problem has a Korean message; a Korean run shows it, JSON included', async () => {
    const config = resolveConfig(
      { targetGpu: 5, bogus: 1, safetyFactor: 'x', rules: { nope: 'error', 'gpu-missing-free': 'loud' } },
      RULE_IDS,
    ).problems;
    const workload = resolveWorkload({
      foo: 1,
      assumptions: { avgRequestsPerSecond: 'x', peakRequestsPerSecond: 1, retentionDays: -1 },
      calls: [{ stored: false }],
      gpu: { datasets: [{ file: 'a.cu', bytes: 'lots' }] },
    }).problems;
    const settings = validateSettings({ profile: 'huge', codeLens: 1, rules: { 'gpu-missing-free': 'loud', nope: 'off' } }).problems;
    const dir = mkdtempSync(join(tmpdir(), 'aia-config-'));
    mkdirSync(join(dir, 'ai-infra-advisor.config.json'));
    writeFileSync(join(dir, 'ai-infra-advisor.workload.json'), '{ nope');
    const files = [...loadConfigFile(dir, RULE_IDS).problems, ...loadWorkloadFile(dir).problems];
    const all = [...config, ...workload, ...settings, ...files];
    assert.ok(config.length >= 5 && workload.length >= 4 && settings.length >= 4 && files.length === 2, JSON.stringify(all.map((p) => p.field)));
    for (const p of all) {
      assert.match(p.messageKo ?? '', HANGUL, `${p.field}: ${p.message}`);
      assert.doesNotMatch(p.messageKo!, /using the|ignored|is not one of|must be/, `${p.field}: English left in "${p.messageKo}"`);
      assert.equal(problemText(p, 'ko'), p.messageKo);
      assert.equal(problemText(p, 'en'), p.message);
    }
    assert.deepEqual(
      problemsIn(config, 'ko').map((p) => Object.keys(p)),
      config.map(() => ['field', 'message']),
      'outputs carry field and message only',
    );
    const json = toJsonReport(await analyze({ root: dir, config: resolveConfig({ bogus: 1, lang: 'ko' }, RULE_IDS) })) as {
      configProblems: Array<{ field: string; message: string }>;
    };
    assert.deepEqual(json.configProblems, [{ field: 'bogus', message: "알 수 없는 설정 'bogus'은(는) 무시합니다" }]);
  });
});
