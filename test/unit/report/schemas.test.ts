// The JSON report validates against docs/report.schema.json and the SARIF output against the official SARIF
// 2.1.0 schema (sarif-2.1.0-rtm.5.json, shipped by @microsoft/jest-sarif; draft-04, hence ajv-draft-04).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import AjvDraft04 from 'ajv-draft-04';
import { analyze, type AnalysisResult } from '../../../src/core/analyze';
import { toJsonReport } from '../../../src/core/report/json';
import { toSarif } from '../../../src/core/report/sarif';
import { toText } from '../../../src/core/report/text';

const ROOT = join(__dirname, '..', '..', '..');

describe('report formats', () => {
  let result: AnalysisResult;
  before(async () => {
    result = await analyze({ root: ROOT, paths: ['examples'] });
  });

  it('the examples produce findings from every rule family', () => {
    assert.ok(result.findings.length > 20);
    assert.ok(result.findings.some((f) => f.ruleId.startsWith('opencl-')));
    assert.ok(result.gpu.some((g) => g.strategy === 'chunked'));
    assert.ok(result.gpu.some((g) => g.strategy === 'whole-dataset'));
  });

  it('JSON report validates against docs/report.schema.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8')));
    const report = JSON.parse(JSON.stringify(toJsonReport(result)));
    assert.ok(validate(report), ajv.errorsText(validate.errors));
  });

  it('the JSON schema rejects a report with a bad range', () => {
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'docs/report.schema.json'), 'utf8')));
    const report = JSON.parse(JSON.stringify(toJsonReport(result)));
    report.findings[0].range.startLine = 0;
    assert.equal(validate(report), false);
  });

  it('SARIF validates against the official 2.1.0 schema', () => {
    const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    // The official schema's language pattern is not valid with the u flag; it is with plain RegExp.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    const sarif = JSON.parse(JSON.stringify(toSarif(result))) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }>;
    };
    assert.ok(validate(sarif), ajv.errorsText(validate.errors));
    assert.equal(sarif.runs[0]!.results.length, result.findings.length);
    assert.equal(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine, result.findings[0]!.range.startLine);
    // The validator does reject malformed SARIF: a level outside the enum.
    const broken = JSON.parse(JSON.stringify(sarif));
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false);
  });

  it('SARIF carries fixes as replacements', async () => {
    const r = await analyze({ root: join(ROOT, 'test/fixtures/fix'), paths: [] });
    const sarif = toSarif(r) as { runs: Array<{ results: Array<{ fixes?: Array<{ artifactChanges: Array<{ replacements: unknown[] }> }> }> }> };
    const withFix = sarif.runs[0]!.results.filter((x) => x.fixes);
    assert.ok(withFix.length > 0);
    assert.equal(withFix[0]!.fixes![0]!.artifactChanges[0]!.replacements.length, 2);
  });

  it('JSON output is deterministic: the same input gives byte-identical reports', async () => {
    const again = await analyze({ root: ROOT, paths: ['examples'] });
    assert.equal(JSON.stringify(toJsonReport(again)), JSON.stringify(toJsonReport(result)));
  });

  it('text report names files, rules, strategy and totals', () => {
    const text = toText(result);
    assert.match(text, /examples\/cuda\/whole_dataset_saxpy\.cu/);
    assert.match(text, /gpu-exceeds-device-memory/);
    assert.match(text, /strategy chunked/);
    assert.match(text, new RegExp(`${result.findings.length} problems \\(\\d+ errors, \\d+ warnings\\)`));
  });
});
