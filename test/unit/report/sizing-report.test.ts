// The sizing report for the bundled examples at the medium profile with examples/ai-infra-advisor.workload.json:
// schema, determinism, the numbers a reader checks first, and escaping of scanned text in every renderer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import stringWidth from 'string-width';
import { analyze, type AnalysisResult } from '../../../src/core/analyze';
import { buildCharts } from '../../../src/core/report/charts';
import { chartToSvg } from '../../../src/core/report/chart-svg';
import { toHtml } from '../../../src/core/report/html';
import { toMarkdown } from '../../../src/core/report/markdown';
import { buildSizingReport, type SizingReport } from '../../../src/core/report/sizing-model';
import { ASSUMPTION_MESSAGES, REPORT_MESSAGES } from '../../../src/core/report/report-strings';
import { DIFF_MESSAGES } from '../../../src/core/report/diff-strings';
import type { Message } from '../../../src/core/l10n';
import { headline, sizingSections, type Section } from '../../../src/core/report/sizing-sections';
import { toSizingText } from '../../../src/core/report/sizing-text';
import { loadWorkloadFile } from '../../../src/core/sizing/workload';

const ROOT = join(__dirname, '..', '..', '..');
const HOSTILE = '</script><script>window.__pwned=1</script><img src=x onerror=alert(1)>|`[x](javascript:alert(1))`\u202e';

async function examplesReport(): Promise<{ result: AnalysisResult; report: SizingReport }> {
  const result = await analyze({ root: ROOT, paths: ['examples'] });
  const workload = loadWorkloadFile(ROOT, { path: join(ROOT, 'examples/ai-infra-advisor.workload.json'), profile: 'medium' });
  return { result, report: buildSizingReport(result, workload) };
}

describe('sizing report (examples, medium profile)', () => {
  let result: AnalysisResult;
  let report: SizingReport;
  before(async () => {
    ({ result, report } = await examplesReport());
  });

  it('validates against docs/sizing-report.schema.json, and the schema rejects a broken report', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'docs/sizing-report.schema.json'), 'utf8')));
    const json = JSON.parse(JSON.stringify(report)) as { engines: Array<{ roles: Array<{ role: string }> }> };
    assert.ok(validate(json), ajv.errorsText(validate.errors));
    json.engines[0].roles[0].role = 'router';
    assert.equal(validate(json), false);
  });

  it('is deterministic: the same input gives byte-identical JSON, Markdown and HTML', async () => {
    const again = (await examplesReport()).report;
    assert.equal(JSON.stringify(again), JSON.stringify(report));
    assert.equal(toMarkdown(again).markdown, toMarkdown(report).markdown);
    assert.equal(toHtml(again, { chartScript: 'void 0' }), toHtml(report, { chartScript: 'void 0' }));
  });

  it('the workload file is applied without problems and binds the GPU data-set sizes', () => {
    assert.deepEqual(report.problems, []);
    const saxpy = report.gpu.files.find((f) => f.path === 'examples/cuda/whole_dataset_saxpy.cu')!;
    assert.deepEqual(saxpy.bound, [{ expr: 'bytes', bytes: 6 * 1024 ** 3 }]);
    assert.equal(saxpy.peakIsLowerBound, false);
    // histogram_host.c: CUDA would fit the 7.9 GiB + 2 GiB on a T4, OpenCL cannot (a 7.9 GiB buffer > 4 GiB)
    const hist = report.gpu.files.find((f) => f.path === 'examples/opencl/histogram_host.c')!.fits.find((r) => r.gpu === 't4')!;
    assert.deepEqual([hist.cuda, hist.opencl], ['fits', 'needs-chunking']);
    // every file is sized: no "unknown" verdict is left once the workload gives the sizes
    assert.ok(
      report.gpu.files.every((f) => f.unknowns.length === 0),
      JSON.stringify(report.gpu.files.map((f) => f.unknowns)),
    );
  });

  it('every OpenAI call site becomes a priced stream; nothing unknown is shown as 0', () => {
    const calls = result.llm.flatMap((f) => f.calls).filter((c) => ['chat', 'responses', 'completions', 'embeddings'].includes(c.api));
    assert.equal(report.llm.streams.length, calls.length);
    assert.ok(report.llm.streams.every((s) => s.cost !== null && s.cost.perCallUsd > 0 && s.recordBytes > 0));
    // the Redis-cached call keeps its 1-day TTL as its retention
    const cached = report.llm.streams.find((s) => s.path === 'examples/openai/chat-redis-cache.ts')!;
    assert.equal(cached.retentionDays, 1);
    assert.equal(cached.cacheHitRatio, 0.3);
    // the workload's per-call override by path:line and by path#function label
    assert.equal(report.llm.streams.find((s) => s.id === 'examples/openai/embed_job.py:19')!.avgRequestsPerSecond, 0.2);
    assert.equal(
      report.llm.streams.find((s) => s.path === 'examples/openai/embed_job.py' && s.function === 'summarise_reviews')!.peakRequestsPerSecond,
      2,
    );
    const sum = report.llm.streams.reduce((t, s) => t + s.cost!.monthlyUsd, 0);
    assert.ok(Math.abs(sum - report.llm.openaiMonthlyUsd) < 1e-6);
  });

  it('six engines with the three roles each, 4 traffic points, 12 months, and a two-sentence recommendation', () => {
    assert.deepEqual(
      report.engines.map((e) => e.engine),
      ['mongodb', 'cassandra', 'scylladb', 'elasticsearch', 'dynamodb', 'redis'],
    );
    for (const e of report.engines) {
      for (const role of ['client-session', 'query', 'data'])
        assert.ok(
          e.roles.some((r) => r.role === role),
          `${e.engine} lacks ${role}`,
        );
      assert.ok(e.monthlyUsd > 0);
      assert.ok(e.roles.every((r) => r.why.length > 10 && r.grows.length > 3));
    }
    assert.deepEqual(
      report.traffic.map((t) => t.factor),
      [1, 2, 5, 10],
    );
    assert.equal(report.months.length, 12);
    const rec = report.recommendation!;
    assert.equal(rec.text.split(/(?<=\.) (?=[A-Z])/).length, 2, rec.text);
    assert.equal(rec.engine, rec.ranking[0]!.engine);
    assert.ok(!rec.ranking.some((r) => r.engine === 'redis'), 'Redis is a cache tier here (not every result expires)');
  });

  it('Markdown and text carry the tables; HTML holds the charts as SVG until the script replaces them', () => {
    const md = toMarkdown(report).markdown;
    for (const heading of [
      '## Assumptions',
      '## GPU fit',
      '## LLM API call sites',
      '## Database topology per engine',
      '## Cost and nodes as traffic grows',
      '## Storage and nodes by month',
      '## Recommendation',
    ])
      assert.ok(md.includes(heading), heading);
    assert.match(md, /\| Reads per write \| 3 \| ratio \| profile \|/);
    const text = toSizingText(report, { detail: true });
    assert.match(text, /Recommendation/);
    const html = toHtml(report, { chartScript: null });
    assert.equal((html.match(/<figure class="chart"/g) ?? []).length, 3);
    assert.ok((html.match(/<svg /g) ?? []).length >= 3);
    assert.match(html, /script-src 'none'/);
  });

  it('charts are built from the report numbers and render to SVG server-side', () => {
    const charts = buildCharts(report);
    assert.deepEqual(
      charts.map((c) => c.id),
      ['cost-vs-traffic', 'storage-nodes-vs-months', 'gpu-peak-vs-target'],
    );
    const cost = charts[0]!;
    const dynamo = (cost.option.series as Array<{ name: string; data: number[] }>).find((s) => s.name === 'DynamoDB')!;
    assert.deepEqual(
      dynamo.data,
      report.traffic.map((t) => Math.round(t.engines.find((e) => e.engine === 'dynamodb')!.monthlyUsd * 100) / 100),
    );
    const svg = chartToSvg(cost);
    assert.match(svg, /^<svg [^>]*viewBox="0 0 720 360"/);
    assert.match(svg, /DynamoDB/);
  });

  it('scanned text is escaped in Markdown, HTML and text (tags, script end, links, bidi controls)', () => {
    const hostile: SizingReport = JSON.parse(JSON.stringify(report));
    hostile.llm.streams[0]!.id = HOSTILE;
    hostile.gpu.files[0]!.path = HOSTILE;
    const md = toMarkdown(hostile).markdown;
    assert.ok(!md.includes('<script>') && !md.includes('<img'));
    // a link needs an unescaped `](`: the brackets from scanned text are backslash-escaped
    assert.doesNotMatch(md, /(?<!\\)\]\(javascript:/);
    assert.match(md, /\\\[x\\\]\(javascript:/);
    assert.match(md, /&lt;\/script&gt;/);
    const html = toHtml(hostile, { chartScript: null });
    assert.ok(!html.includes('<script>window.__pwned'));
    assert.ok(!html.includes('<img src=x'));
    assert.match(html, /&lt;\/script&gt;&lt;script&gt;window.__pwned=1/);
    const text = toSizingText(hostile, { detail: true });
    // bidi controls are shown by code point in every format, so they reorder nothing
    for (const [name, out] of Object.entries({ md, html, text })) {
      assert.ok(!out.includes('\u202e'), name);
      assert.ok(out.includes('‹U+202E›'), name);
    }
  });

  describe('in Korean', () => {
    const HANGUL = /[\uac00-\ud7a3]/;
    const flat = (ss: Section[]): Section[] => ss.flatMap((x) => [x, ...flat(x.children ?? [])]);

    it('a Korean analysis sizes with Korean engine formulas, roles, cost items, GPU plans and method notes; same numbers', () => {
      const ko = buildSizingReport(
        { ...result, config: { ...result.config, lang: 'ko' } },
        loadWorkloadFile(ROOT, { path: join(ROOT, 'examples/ai-infra-advisor.workload.json'), profile: 'medium' }),
      );
      const texts: string[] = [...ko.notes];
      for (const [i, e] of ko.engines.entries()) {
        const en = report.engines[i]!;
        assert.equal(e.engine, en.engine);
        assert.equal(e.monthlyUsd, en.monthlyUsd);
        assert.deepEqual(
          e.roles.map((r) => [r.role, r.count, r.instance]),
          en.roles.map((r) => [r.role, r.count, r.instance]),
        );
        assert.deepEqual(
          e.costLines.map((c) => c.monthlyUsd),
          en.costLines.map((c) => c.monthlyUsd),
        );
        texts.push(
          e.title,
          ...e.roles.flatMap((r) => [r.name, r.why, r.grows]),
          ...e.costLines.flatMap((c) => [c.item, c.unit]),
          ...e.notes,
          ...e.warnings,
        );
      }
      for (const [i, f] of ko.gpu.files.entries()) {
        assert.deepEqual(
          f.fits.map((x) => [x.cuda, x.opencl]),
          report.gpu.files[i]!.fits.map((x) => [x.cuda, x.opencl]),
        );
        texts.push(...f.notes, ...f.fits.map((x) => x.why).filter((w) => /[a-z]{3}/.test(w)));
        if (f.chunkPlan) texts.push(f.chunkPlan.formula, f.chunkPlan.note);
      }
      assert.ok(ko.llm.streams.length >= 3);
      for (const [i, s] of ko.llm.streams.entries()) {
        const en = report.llm.streams[i]!;
        assert.deepEqual(
          [s.id, s.recordBytes, s.retentionDays, s.retentionFrom, s.stored, s.cost?.perCallUsd],
          [en.id, en.recordBytes, en.retentionDays, en.retentionFrom, en.stored, en.cost?.perCallUsd],
        );
        texts.push(s.recordFormula, s.storedWhy, s.retentionWhy, ...s.unknowns);
      }
      // The call-site table's cells: token sources and the retention unit are Korean too.
      const openai = sizingSections(ko, 'ko').find((x) => x.id === 'llm')!;
      for (const row of openai.tables[0]!.table.rows) {
        assert.match(row[6]!, /^\d+ \((코드|프로필|워크로드)\) \/ \d+ \((코드|프로필|워크로드)\)$/);
        assert.match(row[8]!, /^[\d.]+일$/);
      }
      assert.ok(texts.length > 80, `${texts.length} texts`);
      assert.deepEqual(
        texts.filter((t) => !HANGUL.test(t)),
        [],
      );
    });

    it('has the same sections, tables and numbers as the English report, with Korean titles and headers', () => {
      const en = flat(sizingSections(report, 'en'));
      const ko = flat(sizingSections(report, 'ko'));
      assert.deepEqual(
        ko.map((x) => x.id),
        en.map((x) => x.id),
      );
      for (const [i, k] of ko.entries()) {
        const e = en[i]!;
        assert.deepEqual(
          k.tables.map((t) => [t.table.columns.length, t.table.rows.length]),
          e.tables.map((t) => [t.table.columns.length, t.table.rows.length]),
          k.id,
        );
        assert.deepEqual(k.charts, e.charts);
        // A file or engine section is titled by its path or engine name; every other title is Korean.
        if (!k.id.startsWith('gpu-') && !k.id.startsWith('engine-')) assert.match(k.title, HANGUL, k.id);
        for (const t of k.tables)
          assert.ok(
            t.table.columns.some((c) => HANGUL.test(c)),
            `${k.id}: ${t.table.columns.join(', ')}`,
          );
      }
      // The dollar figures of the headline (recommendation, OpenAI cost) are the same numbers in both languages.
      const dollars = (lines: string[]) => lines.join(' ').match(/\$[\d,.]+/g);
      assert.deepEqual(dollars(headline(report, 'ko')), dollars(headline(report, 'en')));
      assert.ok(headline(report, 'ko').every((l) => HANGUL.test(l)));
    });

    it('charts carry Korean titles over the same data; HTML, Markdown and text say which language they are in', () => {
      const en = buildCharts(report, 'en');
      const ko = buildCharts(report, 'ko');
      const numbers = (cs: typeof en) => cs.map((c) => c.table.rows.map((r) => r.filter((x) => typeof x === 'number')));
      assert.deepEqual(numbers(ko), numbers(en));
      assert.ok(ko.every((c) => HANGUL.test(c.title)));
      assert.match(toHtml(report, { chartScript: null, lang: 'ko' }), /<html lang="ko">[\s\S]*<h1>규모 산정 보고서/);
      assert.match(toMarkdown(report, { lang: 'ko' }).markdown, /^# 규모 산정 보고서/);
      assert.match(toMarkdown(report, { lang: 'ko' }).markdown, /\n## 권장 사항\n/);
    });

    it('text tables line up in terminal columns (Hangul is two columns wide)', () => {
      const lines = toSizingText(report, { lang: 'ko' }).split('\n');
      // The assumptions table: Korean labels of many lengths in the first column, the source in the last.
      const header = lines.findIndex((l) => l.trim().startsWith('가정 '));
      const table = lines.slice(header, header + 2 + report.assumptions.length);
      const lastColumn = (l: string) => stringWidth(l.slice(0, l.search(/\S+$/)));
      assert.equal(new Set(table.map(lastColumn)).size, 1, table.join('\n'));
    });

    it('every Korean message differs from the English one, except names that are the same in both', () => {
      // String templates compared as they are, function templates on sample data.
      const sample = new Proxy({}, { get: (_, k) => (typeof k === 'string' ? `<${k}>` : undefined) });
      const sameIn = (catalogue: Record<string, Message>) =>
        Object.entries(catalogue)
          .filter(([, m]) => (typeof m.en === 'string' ? m.en === m.ko : m.en(sample) === (m.ko as (d: unknown) => string)(sample)))
          .map(([id]) => id);
      // batchApi.named passes a product name through ("Gemini Batch Mode"); only "… API" names get an English article.
      assert.deepEqual(
        sameIn(REPORT_MESSAGES as unknown as Record<string, Message>).sort(),
        ['batchApi.named', 'charts.llm', 'columns.gpu.1', 'columns.llm.2', 'headline.billParts.gpu'].sort(),
      );
      assert.deepEqual(sameIn(DIFF_MESSAGES as unknown as Record<string, Message>), ['stores.headers.3']);
      assert.deepEqual(sameIn(ASSUMPTION_MESSAGES), []);
    });
  });
});
