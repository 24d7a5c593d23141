// Users see a source by its public name (and link), never by where it lives in this repository: no internal path
// (src/…, engine-facts.ts, SIZING-FACTS), no short source id (D1, (M1), [P1], OS1) in any report format, in either language,
// at any profile. And every id the code cites resolves to a public name, so `cite` never falls back to printing the id.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type AnalysisResult } from '../../../src/core/analyze';
import { toHtml } from '../../../src/core/report/html';
import { toMarkdown } from '../../../src/core/report/markdown';
import { buildSizingReport } from '../../../src/core/report/sizing-model';
import { toSizingText } from '../../../src/core/report/sizing-text';
import { PROFILE_NAMES } from '../../../src/core/sizing/profiles';
import { SOURCES } from '../../../src/core/sizing/sources';
import { loadWorkloadFile } from '../../../src/core/sizing/workload';

const ROOT = join(__dirname, '..', '..', '..');
/** The id families of shared/SIZING-FACTS.md and sources.ts: a letter group and a number. */
const ID_FAMILIES = ['D', 'C', 'S', 'M', 'E', 'R', 'P', 'G', 'O', 'OS', 'EC'];
/** An id written as a citation: in brackets or parentheses, or in a list inside them ("(E8; OS1)"). */
const CITED_ID = new RegExp(`[(\\[;,] ?(?:${ID_FAMILIES.join('|')})\\d{1,2}[)\\];,]`);
// Our data modules by name (a scanned file's own path, e.g. examples/…/chat.ts, is the user's and may show).
const INTERNAL = [/src\//, /SIZING-FACTS/i, /engine-facts/, /\b(?:sources|prices|gpu-catalog|llm-models|profiles)\.ts\b/, CITED_ID, /\bNF\b/];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('report sources are public names, never internal ids or paths', () => {
  let result: AnalysisResult;
  before(async function () {
    this.timeout(120_000);
    result = await analyze({ root: ROOT, paths: ['examples'] });
  });

  it('the check itself catches each internal form', () => {
    for (const bad of ['(src/core/sizing/engine-facts.ts)', 'SIZING-FACTS G1', '(M1)', '[P1]', '(E8; OS1)', '(EC1)'])
      assert.ok(
        INTERNAL.some((re) => re.test(bad)),
        bad,
      );
    // month labels and instance names are not ids
    for (const ok of ['M1     1.00×', 'M2 move to r6i.2xlarge', 'start by M1; M3 add', 'cache.r6g.16xlarge', '(AWS ElastiCache quotas)'])
      assert.ok(!INTERNAL.some((re) => re.test(ok)), ok);
  });

  for (const lang of ['en', 'ko'] as const)
    for (const profile of PROFILE_NAMES)
      it(`${lang}, ${profile}: text, Markdown, HTML and JSON name no internal path or id`, () => {
        const workload = loadWorkloadFile(ROOT, { path: join(ROOT, 'examples/ai-infra-advisor.workload.json'), profile });
        const report = buildSizingReport({ ...result, config: { ...result.config, lang } }, workload);
        const outputs: Record<string, string> = {
          text: toSizingText(report, { detail: true, lang }),
          markdown: toMarkdown(report, { lang }).markdown,
          // without the bundled chart library, whose minified code is not ours to read
          html: toHtml(report, { chartScript: 'void 0', lang }),
          json: JSON.stringify(report),
        };
        for (const [format, text] of Object.entries(outputs))
          for (const re of INTERNAL) {
            const m = re.exec(text);
            assert.equal(m, null, `${format}: ${re} matches …${m ? text.slice(Math.max(0, m.index - 80), m.index + 40) : ''}…`);
          }
      });

  it('every id the sizing code cites has a public name and an address', () => {
    const cited = new Set<string>();
    for (const file of tsFiles(join(ROOT, 'src', 'core')))
      for (const m of readFileSync(file, 'utf8').matchAll(/\bcite\(([^)]*)\)/g)) for (const id of m[1]!.matchAll(/'([A-Z]+\d*)'/g)) cited.add(id[1]!);
    assert.ok(cited.size > 10, `found ${cited.size} cited ids`);
    for (const id of cited) {
      assert.ok(SOURCES[id], `cite('${id}') has no public source`);
      assert.ok(SOURCES[id]!.name && !/^[A-Z]+\d+$/.test(SOURCES[id]!.name), `${id} has a public name`);
      assert.match(SOURCES[id]!.url, /^https:\/\//, `${id} has an address`);
    }
  });
});
