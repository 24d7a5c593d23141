// The sizing report laid out once as sections of plain text, tables and bullets; the Markdown, HTML and text
// renderers only format these (and escape every cell), so the three never disagree about what a report says.
import { formatBytes } from '../model/units';
import { formatUsd } from '../sizing/llm-estimate';
import type { FitVerdict } from '../sizing/gpu-fit';
import { BATCH_APIS, PROVIDER_NAMES } from '../facts/llm-providers';
import { engineName, recommendationText, type LlmStream, type SizingReport } from './sizing-model';
import { reportStrings, type ReportStrings } from './report-strings';
import { assumptionsInUse } from './report-layout';
import type { Lang } from '../l10n';

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

// Text symbols every font has (emoji fall back to empty boxes in headless browsers and many terminals).
export const VERDICT_MARK: Record<FitVerdict, string> = { fits: '✓', 'needs-chunking': '⚠', 'does-not-fit': '✗', unknown: '?' };

const usd = (n: number): string => (n >= 100 ? `$${Math.round(n).toLocaleString('en-US')}` : formatUsd(n));
/** A unit price at full precision, so quantity × unit price gives the line's total: $0.125, $1,471.68, $0.00013. */
const unitPrice = (n: number): string => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: n < 1 ? 8 : 4 })}`;
const rate = (n: number): string => `${n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString('en-US')}/s`;
const bytes = (n: number | null, unknown = 'unknown'): string => (n === null ? unknown : formatBytes(Math.round(n), { exact: false }));
const section = (id: string, title: string, s: Partial<Section> = {}): Section => ({
  id,
  title,
  paragraphs: [],
  tables: [],
  bullets: [],
  charts: [],
  ...s,
});

/** The display names of these call sites' providers, sorted (null: a provider that cannot be told, skipped). */
const providerNames = (streams: readonly LlmStream[]): string[] =>
  [...new Set(streams.map((s) => s.provider))]
    .filter((p) => p !== null)
    .map((p) => PROVIDER_NAMES[p])
    .sort((a, b) => a.localeCompare(b, 'en'));

/** The batch interface these call sites go through: one provider's own by its name, or each provider's. */
function batchPhrase(streams: readonly LlmStream[], S: ReportStrings): string {
  const providers = [...new Set(streams.map((s) => s.provider))];
  if (providers.length !== 1) return S.batchApi.each;
  const api = providers[0] ? BATCH_APIS[providers[0]] : undefined;
  return api ? S.batchApi.named(api.name) : S.batchApi.unnamed;
}

/** The recommendation's two sentences in the report's language (the model's `text` is the English one). */
function recommendationLine(report: SizingReport, lang: Lang): string | null {
  const rec = report.recommendation;
  return rec && report.llm.load
    ? recommendationText({ engines: report.engines, traffic: report.traffic, load: report.llm.load, ranking: rec.ranking }, lang)
    : null;
}

export function headline(report: SizingReport, lang: Lang = 'en'): string[] {
  const S = reportStrings(lang);
  const lines: string[] = [];
  const rec = recommendationLine(report, lang);
  if (rec) lines.push(rec);
  if (report.llm.streams.length) {
    const unpriced = report.llm.unpriced.length ? S.headline.unpriced(report.llm.unpriced.length, report.llm.unpriced.join(', ')) : '';
    lines.push(
      S.headline.llm(
        report.llm.streams.length,
        usd(report.llm.openaiMonthlyUsd),
        report.llm.offlineSites,
        usd(report.llm.openaiMonthlyBatchUsd),
        unpriced,
        batchPhrase(report.llm.offlineSites ? report.llm.streams.filter((s) => s.offline && s.cost) : report.llm.streams, S),
      ),
    );
  }
  const gpu = report.gpu.files;
  if (gpu.length) {
    const onTarget = (v: FitVerdict) => gpu.filter((f) => f.fits.find((r) => r.gpu === report.gpu.target.id)?.[f.api] === v).length;
    lines.push(
      S.headline.gpu(report.gpu.target.name, onTarget('fits'), gpu.length, onTarget('needs-chunking'), onTarget('does-not-fit'), onTarget('unknown')),
    );
  }
  if (!gpu.length && !report.llm.streams.length) lines.push(S.headline.nothing);
  else if (report.bill.lines.length) {
    const kinds = (['database', 'cache', 'openai', 'gpu', 'transfer'] as const).filter((k) => report.bill.lines.some((l) => l.kind === k));
    lines.push(
      S.headline.bill(kinds.map((k) => S.headline.billParts[k]).join(' + '), usd(report.bill.totalOnDemandUsd), usd(report.bill.totalCommittedUsd)),
    );
  }
  return lines;
}

export function sizingSections(report: SizingReport, lang: Lang = 'en'): Section[] {
  const S = reportStrings(lang);
  const T = S.titles;
  const C = S.columns;
  const out: Section[] = [];
  const shared = ` (${S.shared})`;
  out.push(section('summary', T.summary, { paragraphs: headline(report, lang) }));
  if (report.problems.length) {
    out.push(
      section('problems', T.problems, { paragraphs: [S.problemsIntro], bullets: report.problems.map((p) => `${p.source} ${p.field}: ${p.message}`) }),
    );
  }
  // Only the assumptions the found code uses (a GPU-only workspace gets no LLM API or database ones), in every format.
  const inUse = assumptionsInUse(report);
  out.push(
    section('assumptions', S.assumptionsTitle(report.profile, report.workloadSource), {
      paragraphs: [inUse.length ? S.assumptionsIntro : S.page.noAssumptions],
      tables:
        inUse.length === 0
          ? []
          : [
              {
                table: {
                  columns: [...C.assumptions],
                  numeric: [1],
                  rows: inUse.map((a) => [
                    S.assumptions[a.key as keyof typeof S.assumptions] ?? a.label,
                    String(a.value),
                    a.unit,
                    S.assumptionSource[a.source],
                  ]),
                },
              },
            ],
      bullets: [S.pricesBullet(report.prices.source, report.prices.sourceDate, report.prices.engineFactsDate)],
    }),
  );

  if (report.gpu.files.length) {
    const gpus = report.gpu.files[0]!.fits.map((f) => f.gpu);
    const gpuSection = section('gpu', T.gpu, {
      paragraphs: [S.gpuIntro(report.gpu.safetyFactor, report.gpu.target.name)],
      tables: [
        {
          table: {
            columns: [...C.gpu, ...gpus],
            // One verdict per cell, for the API the file uses (an OpenCL verdict says nothing about a CUDA program).
            rows: report.gpu.files.map((f) => [
              f.path,
              f.api,
              f.strategy,
              `${f.peakIsLowerBound ? '≥ ' : ''}${bytes(f.peakBytes, S.unknown)}`,
              ...f.fits.map((r) => VERDICT_MARK[f.api === 'opencl' ? r.opencl : r.cuda]),
            ]),
          },
        },
      ],
      bullets: [S.verdictLegend],
      charts: ['gpu-peak-vs-target'],
    });
    gpuSection.children = report.gpu.files.map((f) => {
      const bullets: string[] = [];
      for (const b of f.bound) bullets.push(`${b.expr} = ${bytes(b.bytes)} (${S.boundFromWorkload})`);
      if (f.unknowns.length) bullets.push(`${S.stillUnknown}: ${f.unknowns.join(', ')}`);
      const targetRow = f.fits.find((r) => r.gpu === report.gpu.target.id);
      if (targetRow)
        bullets.push(
          f.api === 'opencl'
            ? S.gpuTargetLineOpencl(report.gpu.target.name, S.verdict[targetRow.opencl], targetRow.why, bytes(targetRow.openclMaxAllocBytes))
            : S.gpuTargetLineCuda(report.gpu.target.name, S.verdict[targetRow.cuda], targetRow.why),
        );
      if (f.chunkPlan) bullets.push(f.chunkPlan.formula, f.chunkPlan.note);
      bullets.push(...f.notes);
      return section(`gpu-${f.path}`, f.path, { bullets });
    });
    out.push(gpuSection);
  }

  if (report.llm.streams.length) {
    out.push(
      section('llm', T.llm, {
        paragraphs: [S.llmIntro],
        tables: [
          {
            table: {
              columns: [...C.llm],
              numeric: [4, 5, 8, 9, 10, 11],
              rows: report.llm.streams.map((s) => [
                s.id,
                s.provider === null ? S.unknown : PROVIDER_NAMES[s.provider],
                s.api,
                s.model ?? S.unknown,
                `${s.avgRequestsPerSecond} (${s.peakRequestsPerSecond})`,
                s.cacheLookupInCode || s.cacheHitRatio > 0 ? `${Math.round(s.cacheHitRatio * 100)}%` : S.noLookup,
                `${s.inputTokens} (${S.valueSource[s.inputFrom]}) / ${s.outputTokens} (${S.valueSource[s.outputFrom]})`,
                bytes(s.recordBytes),
                S.days(Number(s.retentionDays.toFixed(2))),
                s.cost ? formatUsd(s.cost.perCallUsd) : S.unknown,
                s.cost ? usd(s.cost.monthlyUsd) : S.unknown,
                s.cost ? (s.offline ? usd(s.cost.monthlyBatchUsd) : S.onlineNoBatch) : S.unknown,
                s.stored ? s.storedWhy : S.no,
              ]),
            },
          },
        ],
        bullets: [
          ...report.llm.streams.map((s) => S.recordBullet(s.id, s.recordFormula, bytes(s.recordBytes), s.retentionWhy, s.unknowns.join('; '))),
          ...report.llm.streams
            .filter((s) => s.cost?.cachedPerCallUsd != null)
            .map((s) => S.cachedBullet(s.id, formatUsd(s.cost!.cachedPerCallUsd!))),
        ],
      }),
    );
  }

  if (report.engines.length && report.llm.load) {
    const l = report.llm.load;
    const engines = section('engines', T.engines, {
      paragraphs: [
        S.loadIntro({
          writes: rate(l.writesPerSecondAvg),
          writesPeak: rate(l.writesPerSecondPeak),
          reads: rate(l.readsPerSecondAvg),
          readsPeak: rate(l.readsPerSecondPeak),
          record: bytes(l.recordBytes),
          records: Math.round(l.storedRecords).toLocaleString('en-US'),
          stored: bytes(l.storedBytes),
          rf: l.replicationFactor,
        }),
      ],
      tables: [
        {
          table: {
            columns: [...C.engines],
            numeric: [5, 6],
            rows: report.engines.map((e) => {
              const role = (r: string) => {
                const x = e.roles.find((y) => y.role === r);
                return x ? `${x.count.toLocaleString('en-US')}${x.dedicated ? '' : shared}${x.instance && x.count ? ` × ${x.instance}` : ''}` : '—';
              };
              return [
                engineName(e.engine),
                role('client-session'),
                role('query'),
                role('data'),
                role('coordination'),
                bytes(e.storedBytes),
                `${usd(e.monthlyUsd)}${e.errors.length ? ' ✗' : ''}`,
              ];
            }),
          },
        },
      ],
      bullets: [S.sharedLegend],
    });
    engines.children = report.engines.map((e) =>
      section(`engine-${e.engine}`, e.title, {
        tables: [
          {
            caption: T.nodesPerRole,
            table: {
              columns: [...C.roles],
              numeric: [1],
              rows: e.roles.map((r) => [
                `${r.role} (${r.name})`,
                `${r.count.toLocaleString('en-US')}${r.dedicated ? '' : shared}`,
                r.instance ?? '—',
                r.why,
                r.grows,
              ]),
            },
          },
          {
            caption: T.monthlyCost,
            table: {
              columns: [...C.cost],
              numeric: [1, 3, 4],
              rows: [
                ...e.costLines.map((c) => [c.item, c.quantity.toLocaleString('en-US'), c.unit, unitPrice(c.unitUsd), usd(c.monthlyUsd)]),
                [S.total, '', '', '', usd(e.monthlyUsd)],
              ],
            },
          },
        ],
        bullets: [...e.errors.map((w) => `✗ ${w}`), ...e.notes, ...e.warnings.map((w) => `⚠ ${w}`)],
      }),
    );
    out.push(engines);

    const ids = report.traffic[0]?.engines.map((e) => e.engine) ?? [];
    out.push(
      section('traffic', T.traffic, {
        paragraphs: [S.trafficIntro(report.llm.unpriced.join(', '))],
        tables: [
          {
            table: {
              columns: [...C.traffic, ...ids.map(engineName), C.trafficLlm],
              rows: report.traffic.map((t) => [
                `${t.factor}×`,
                rate(t.writesPerSecondPeak),
                ...t.engines.map((e) => `${e.nodes} · ${usd(e.monthlyUsd)}${e.fits ? '' : ' ✗'}`),
                usd(t.openaiMonthlyUsd),
              ]),
            },
          },
        ],
        bullets: [],
        charts: ['cost-vs-traffic'],
      }),
    );
    out.push(
      section('months', T.months, {
        paragraphs: [S.monthsIntro(String(report.assumptions.find((a) => a.key === 'monthlyGrowth')?.value))],
        tables: [
          {
            table: {
              columns: [...C.months, ...ids.map(engineName)],
              rows: report.months.map((m) => [
                `M${m.month}`,
                `${m.trafficFactor.toFixed(2)}×`,
                bytes(m.storedBytes),
                ...m.engines.map((e) => `${e.nodes} · ${usd(e.monthlyUsd)}${e.fits ? '' : ' ✗'}`),
              ]),
            },
          },
        ],
        // One line per engine: every change of its data tier, in month order, each to be started a month ahead.
        bullets: report.growthPlan.length
          ? [...new Set(report.growthPlan.map((g) => g.engine))]
              .map(
                (id) =>
                  `${engineName(id)}: ${report.growthPlan
                    .filter((g) => g.engine === id)
                    .map((g) => S.growthStep(g.month, g.actBy, g.fromNodes, g.toNodes, g.fromInstance, g.toInstance))
                    .join('; ')}`,
              )
              .concat(S.growthLead)
          : [S.noGrowthStep(report.months.length)],
        charts: ['storage-nodes-vs-months'],
      }),
    );
    if (report.recommendation) {
      out.push(
        section('recommendation', T.recommendation, {
          paragraphs: [recommendationLine(report, lang)!],
          tables: [
            {
              table: {
                columns: [...C.ranking],
                numeric: [2, 3],
                rows: report.recommendation.ranking.map((r, i) => [String(i + 1), engineName(r.engine), String(r.nodes), usd(r.monthlyUsd)]),
              },
            },
          ],
          bullets:
            report.engines.some((e) => e.engine === 'redis') && !report.recommendation.ranking.some((r) => r.engine === 'redis')
              ? [S.redisRankNote]
              : [],
        }),
      );
    }
  }
  if (report.bill.lines.length) {
    const b = report.bill;
    const cell = (n: number | null) => (n === null ? S.bill.notPriced : usd(n));
    // The LLM line names the providers it adds up and their batch interface (the model's source is one English string).
    const offlinePriced = report.llm.streams.filter((s) => s.offline && s.cost);
    const llmProviders = providerNames(report.llm.streams.filter((s) => s.cost)).join(', ');
    out.push(
      section('bill', T.bill, {
        paragraphs: [S.bill.intro],
        tables: [
          {
            table: {
              columns: [...C.bill],
              numeric: [2, 3],
              rows: [
                ...b.lines.map((l) => [
                  S.bill.item(
                    l.kind,
                    l.what,
                    l.quantity,
                    l.kind === 'database' || l.kind === 'cache'
                      ? engineName(l.what as Parameters<typeof engineName>[0])
                      : l.kind === 'openai'
                        ? batchPhrase(offlinePriced, S)
                        : l.what,
                    bytes(l.quantity),
                  ),
                  l.kind === 'transfer' ? S.bill.noRate : l.kind === 'openai' && llmProviders.length ? S.bill.llmSource(llmProviders) : l.source,
                  cell(l.onDemandUsd),
                  l.kind === 'openai'
                    ? cell(l.committedUsd)
                    : l.committedUsd === null
                      ? S.bill.noCommitment(cell(l.onDemandUsd))
                      : cell(l.committedUsd),
                ]),
                [S.total, '', usd(b.totalOnDemandUsd), usd(b.totalCommittedUsd)],
              ],
            },
          },
        ],
        bullets: S.bill.notes,
      }),
    );
  }
  out.push(section('method', T.method, { bullets: report.notes }));
  return out;
}
