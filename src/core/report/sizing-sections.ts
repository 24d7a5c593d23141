// The sizing report laid out once as sections of plain text, tables and bullets; the Markdown, HTML and text
// renderers only format these (and escape every cell), so the three never disagree about what a report says.
import { formatBytes } from '../model/units';
import { formatUsd } from '../sizing/llm-estimate';
import type { FitVerdict } from '../sizing/gpu-fit';
import { engineName, type SizingReport } from './sizing-model';

export interface Table {
  columns: string[];
  rows: string[][];
  /** Columns holding numbers (right-aligned). */
  numeric?: number[];
}

export interface Section {
  id: string;
  title: string;
  paragraphs: string[];
  tables: Array<{ caption?: string; table: Table }>;
  bullets: string[];
  /** Chart ids shown in this section. */
  charts: string[];
  /** Nested sections (one per engine, one per GPU file). */
  children?: Section[];
}

export const VERDICT_LABEL: Record<FitVerdict, string> = { fits: 'fits', 'needs-chunking': 'needs chunking', 'does-not-fit': 'does not fit', unknown: 'unknown' };
// Text symbols every font has (emoji fall back to empty boxes in headless browsers and many terminals).
export const VERDICT_MARK: Record<FitVerdict, string> = { fits: '✓', 'needs-chunking': '⚠', 'does-not-fit': '✗', unknown: '?' };

const usd = (n: number): string => (n >= 100 ? `$${Math.round(n).toLocaleString('en-US')}` : formatUsd(n));
const rate = (n: number): string => `${n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString('en-US')}/s`;
const bytes = (n: number | null): string => (n === null ? 'unknown' : formatBytes(Math.round(n), { exact: false }));
const section = (id: string, title: string, s: Partial<Section> = {}): Section => ({ id, title, paragraphs: [], tables: [], bullets: [], charts: [], ...s });

export function headline(report: SizingReport): string[] {
  const lines: string[] = [];
  if (report.recommendation) lines.push(report.recommendation.text);
  if (report.llm.streams.length) {
    lines.push(`OpenAI API: ${report.llm.streams.length} call site${report.llm.streams.length === 1 ? '' : 's'}, ${usd(report.llm.openaiMonthlyUsd)}/month on demand (${usd(report.llm.openaiMonthlyBatchUsd)} through the Batch API)${report.llm.unpriced.length ? `; ${report.llm.unpriced.length} call site(s) unpriced (${report.llm.unpriced.join(', ')})` : ''}.`);
  }
  const gpu = report.gpu.files;
  if (gpu.length) {
    const onTarget = (v: FitVerdict) => gpu.filter((f) => f.fits.find((r) => r.gpu === report.gpu.target.id)?.[f.api] === v).length;
    lines.push(`GPU on ${report.gpu.target.name}: ${onTarget('fits')} of ${gpu.length} program files fit, ${onTarget('needs-chunking')} need chunking, ${onTarget('does-not-fit')} do not fit, ${onTarget('unknown')} unknown (data-set size needed).`);
  }
  if (!gpu.length && !report.llm.streams.length) lines.push('No GPU allocations and no OpenAI call sites found: nothing to size.');
  return lines;
}

export function sizingSections(report: SizingReport): Section[] {
  const out: Section[] = [];
  out.push(section('summary', 'Summary', { paragraphs: headline(report) }));
  if (report.problems.length) {
    out.push(section('problems', 'Configuration problems', { paragraphs: ['These values were invalid and replaced by their defaults:'], bullets: report.problems.map((p) => `${p.source} ${p.field}: ${p.message}`) }));
  }
  out.push(section('assumptions', `Assumptions (profile: ${report.profile}${report.workloadSource ? `, workload file ${report.workloadSource}` : ''})`, {
    paragraphs: ['Values code cannot know. Edit them in ai-infra-advisor.workload.json (schema: docs/workload.schema.json); per-call-site overrides go under "calls".'],
    tables: [{ table: { columns: ['assumption', 'value', 'unit', 'from'], numeric: [1], rows: report.assumptions.map((a) => [a.label, String(a.value), a.unit, a.source]) } }],
    bullets: [`Prices: ${report.prices.source}, compiled ${report.prices.sourceDate}; engine rules compiled ${report.prices.engineFactsDate} (src/core/sizing/engine-facts.ts).`],
  }));

  if (report.gpu.files.length) {
    const gpus = report.gpu.files[0]!.fits.map((f) => f.gpu);
    const gpuSection = section('gpu', 'GPU fit', {
      paragraphs: [`Peak device memory per program file against every GPU in the catalog, at ${report.gpu.safetyFactor} × memory. Each cell: CUDA view / OpenCL view (every buffer also ≤ CL_DEVICE_MAX_MEM_ALLOC_SIZE). Chunk plans are for ${report.gpu.target.name}.`],
      tables: [{ table: {
        columns: ['file', 'API', 'strategy', 'peak', ...gpus],
        rows: report.gpu.files.map((f) => [f.path, f.api, f.strategy, `${f.peakIsLowerBound ? '≥ ' : ''}${bytes(f.peakBytes)}`, ...f.fits.map((r) => `${VERDICT_MARK[r.cuda]} / ${VERDICT_MARK[r.opencl]}`)]),
      } }],
      bullets: ['✓ fits · ⚠ needs chunking · ✗ does not fit · ? unknown (the code leaves a size to run time: set it in the workload file)'],
      charts: ['gpu-peak-vs-target'],
    });
    gpuSection.children = report.gpu.files.map((f) => {
      const bullets: string[] = [];
      for (const b of f.bound) bullets.push(`${b.expr} = ${bytes(b.bytes)} (workload)`);
      if (f.unknowns.length) bullets.push(`still unknown: ${f.unknowns.join(', ')}`);
      const targetRow = f.fits.find((r) => r.gpu === report.gpu.target.id);
      if (targetRow) bullets.push(`${report.gpu.target.name}: CUDA ${VERDICT_LABEL[targetRow.cuda]}, OpenCL ${VERDICT_LABEL[targetRow.opencl]} (${targetRow.why}; OpenCL per-buffer limit ${bytes(targetRow.openclMaxAllocBytes)})`);
      if (f.chunkPlan) bullets.push(f.chunkPlan.formula, f.chunkPlan.note);
      bullets.push(...f.notes);
      return section(`gpu-${f.path}`, f.path, { bullets });
    });
    out.push(gpuSection);
  }

  if (report.llm.streams.length) {
    out.push(section('openai', 'OpenAI call sites', {
      paragraphs: [`Traffic per call site and what it costs and stores. Monthly cost = API calls/s (after cache hits) × 2,628,000 s × $/call.`],
      tables: [{ table: {
        columns: ['call site', 'API', 'model', 'req/s avg (peak)', 'cache hits', 'tokens in/out', 'record', 'retention', '$/call', '$/month', 'batch $/month', 'stored'],
        numeric: [3, 4, 7, 8, 9, 10],
        rows: report.llm.streams.map((s) => [
          s.id, s.api, s.model ?? 'unknown', `${s.avgRequestsPerSecond} (${s.peakRequestsPerSecond})`, s.cacheLookupInCode || s.cacheHitRatio > 0 ? `${Math.round(s.cacheHitRatio * 100)}%` : 'no lookup',
          `${s.inputTokens} (${s.inputFrom}) / ${s.outputTokens} (${s.outputFrom})`, bytes(s.recordBytes), `${Number(s.retentionDays.toFixed(2))} d`,
          s.cost ? formatUsd(s.cost.perCallUsd) : 'unknown', s.cost ? usd(s.cost.monthlyUsd) : 'unknown', s.cost ? usd(s.cost.monthlyBatchUsd) : 'unknown', s.stored ? s.storedWhy : 'no',
        ]),
      } }],
      bullets: [
        ...report.llm.streams.map((s) => `${s.id}: record = ${s.recordFormula} = ${bytes(s.recordBytes)}; retention from ${s.retentionWhy}${s.unknowns.length ? `; unknown: ${s.unknowns.join('; ')}` : ''}`),
        ...report.llm.streams.filter((s) => s.cost?.cachedPerCallUsd != null).map((s) => `${s.id}: with prompt caching of the static prefix ${formatUsd(s.cost!.cachedPerCallUsd!)}/call`),
      ],
    }));
  }

  if (report.engines.length && report.llm.load) {
    const l = report.llm.load;
    const engines = section('engines', 'Database topology per engine', {
      paragraphs: [
        `Load on the store at 1× traffic with the retention window full: ${rate(l.writesPerSecondAvg)} writes (peak ${rate(l.writesPerSecondPeak)}), ${rate(l.readsPerSecondAvg)} reads (peak ${rate(l.readsPerSecondPeak)}), records ≈ ${bytes(l.recordBytes)}, ${Math.round(l.storedRecords).toLocaleString('en-US')} records = ${bytes(l.storedBytes)} kept (one copy), replication factor ${l.replicationFactor}.`,
      ],
      tables: [{ table: {
        columns: ['engine', 'client-session nodes', 'query nodes', 'data nodes', 'other', 'on disk', '$/month'],
        numeric: [5, 6],
        rows: report.engines.map((e) => {
          const role = (r: string) => {
            const x = e.roles.find((y) => y.role === r);
            return x ? `${x.count}${x.dedicated ? '' : ' (shared)'}${x.instance && x.count ? ` × ${x.instance}` : ''}` : '—';
          };
          return [engineName(e.engine), role('client-session'), role('query'), role('data'), role('coordination'), bytes(e.storedBytes), usd(e.monthlyUsd)];
        }),
      } }],
      bullets: ['"(shared)": the role runs on other nodes and has no nodes or cost of its own; DynamoDB\'s data count is managed partitions.'],
    });
    engines.children = report.engines.map((e) => section(`engine-${e.engine}`, e.title, {
      tables: [
        { caption: 'Nodes per role', table: { columns: ['role', 'nodes', 'instance', 'why', 'grows with'], numeric: [1], rows: e.roles.map((r) => [`${r.role} (${r.name})`, `${r.count}${r.dedicated ? '' : ' (shared)'}`, r.instance ?? '—', r.why, r.grows]) } },
        { caption: 'Monthly cost', table: { columns: ['item', 'quantity', 'unit', 'unit price', '$/month'], numeric: [1, 3, 4], rows: [...e.costLines.map((c) => [c.item, c.quantity.toLocaleString('en-US'), c.unit, c.unitUsd < 0.01 ? `$${c.unitUsd.toPrecision(3)}` : `$${c.unitUsd.toFixed(2)}`, usd(c.monthlyUsd)]), ['total', '', '', '', usd(e.monthlyUsd)]] } },
      ],
      bullets: [...e.notes, ...e.warnings.map((w) => `⚠ ${w}`)],
    }));
    out.push(engines);

    const ids = report.traffic[0]?.engines.map((e) => e.engine) ?? [];
    out.push(section('traffic', 'Cost and nodes as traffic grows', {
      paragraphs: [`Traffic multiplies every call site's rate and the client sessions; retention window full. Cells: nodes · $/month.${report.llm.unpriced.length ? ` OpenAI $/month covers the priced call sites only (unpriced: ${report.llm.unpriced.join(', ')}).` : ''}`],
      tables: [{ table: {
        columns: ['traffic', 'peak writes/s', ...ids.map(engineName), 'OpenAI API $/month'],
        rows: report.traffic.map((t) => [`${t.factor}×`, rate(t.writesPerSecondPeak), ...t.engines.map((e) => `${e.nodes} · ${usd(e.monthlyUsd)}`), usd(t.openaiMonthlyUsd)]),
      } }],
      bullets: [], charts: ['cost-vs-traffic'],
    }));
    out.push(section('months', 'Storage and nodes by month', {
      paragraphs: [`Month m: traffic × (1 + ${report.assumptions.find((a) => a.key === 'monthlyGrowth')?.value})^(m−1), data kept for min(retention, m months). Cells: nodes · $/month.`],
      tables: [{ table: {
        columns: ['month', 'traffic', 'stored (one copy)', ...ids.map(engineName)],
        rows: report.months.map((m) => [`M${m.month}`, `${m.trafficFactor.toFixed(2)}×`, bytes(m.storedBytes), ...m.engines.map((e) => `${e.nodes} · ${usd(e.monthlyUsd)}`)]),
      } }],
      bullets: [], charts: ['storage-nodes-vs-months'],
    }));
    if (report.recommendation) {
      out.push(section('recommendation', 'Recommendation', {
        paragraphs: [report.recommendation.text],
        tables: [{ table: { columns: ['rank', 'engine', 'nodes', '$/month'], numeric: [2, 3], rows: report.recommendation.ranking.map((r, i) => [String(i + 1), engineName(r.engine), String(r.nodes), usd(r.monthlyUsd)]) } }],
        bullets: report.engines.some((e) => e.engine === 'redis') && !report.recommendation.ranking.some((r) => r.engine === 'redis') ? ['Redis is ranked only when every stored result expires (a TTL in the code): otherwise it is the cache tier in front of the chosen store, not the system of record.'] : [],
      }));
    }
  }
  out.push(section('method', 'How the numbers are computed', { bullets: report.notes }));
  return out;
}
