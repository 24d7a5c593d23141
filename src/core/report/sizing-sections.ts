// The sizing report laid out once as sections of plain text, tables and bullets; the Markdown, HTML and text
// renderers only format these (and escape every cell), so the three never disagree about what a report says.
import { formatBytes } from '../model/units';
import { formatUsd } from '../sizing/llm-estimate';
import type { FitVerdict } from '../sizing/gpu-fit';
import { BATCH_APIS, PROVIDER_NAMES } from '../facts/llm-providers';
import { engineName, recommendationText, type LlmStream, type SizingReport } from './sizing-model';
import { assumptionLabels, reportText, textList } from './report-strings';
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
function batchPhrase(streams: readonly LlmStream[], lang: Lang): string {
  const providers = [...new Set(streams.map((s) => s.provider))];
  if (providers.length !== 1) return reportText(lang, 'batchApi.each');
  const api = providers[0] ? BATCH_APIS[providers[0]] : undefined;
  return api ? reportText(lang, 'batchApi.named', { name: api.name }) : reportText(lang, 'batchApi.unnamed');
}

/** The recommendation's two sentences in the report's language (the model's `text` is the English one). */
function recommendationLine(report: SizingReport, lang: Lang): string | null {
  const rec = report.recommendation;
  return rec && report.llm.load
    ? recommendationText({ engines: report.engines, traffic: report.traffic, load: report.llm.load, ranking: rec.ranking }, lang)
    : null;
}

export function headline(report: SizingReport, lang: Lang = 'en'): string[] {
  const lines: string[] = [];
  const rec = recommendationLine(report, lang);
  if (rec) lines.push(rec);
  if (report.llm.streams.length) {
    const unpriced = report.llm.unpriced.length
      ? reportText(lang, 'headline.unpriced', { n: report.llm.unpriced.length, list: report.llm.unpriced.join(', ') })
      : '';
    lines.push(
      reportText(lang, 'headline.llm', {
        n: report.llm.streams.length,
        monthly: usd(report.llm.openaiMonthlyUsd),
        offline: report.llm.offlineSites,
        asDeployed: usd(report.llm.openaiMonthlyBatchUsd),
        unpriced,
        batch: batchPhrase(report.llm.offlineSites ? report.llm.streams.filter((s) => s.offline && s.cost) : report.llm.streams, lang),
      }),
    );
  }
  const gpu = report.gpu.files;
  if (gpu.length) {
    const onTarget = (v: FitVerdict) => gpu.filter((f) => f.fits.find((r) => r.gpu === report.gpu.target.id)?.[f.api] === v).length;
    lines.push(
      reportText(lang, 'headline.gpu', {
        target: report.gpu.target.name,
        fits: onTarget('fits'),
        total: gpu.length,
        chunk: onTarget('needs-chunking'),
        noFit: onTarget('does-not-fit'),
        unknown: onTarget('unknown'),
      }),
    );
  }
  if (!gpu.length && !report.llm.streams.length) lines.push(reportText(lang, 'headline.nothing'));
  else if (report.bill.lines.length) {
    const kinds = (['database', 'cache', 'openai', 'gpu', 'transfer'] as const).filter((k) => report.bill.lines.some((l) => l.kind === k));
    lines.push(
      reportText(lang, 'headline.bill', {
        parts: kinds.map((k) => reportText(lang, `headline.billParts.${k}`)).join(' + '),
        onDemand: usd(report.bill.totalOnDemandUsd),
        committed: usd(report.bill.totalCommittedUsd),
      }),
    );
  }
  return lines;
}

export function sizingSections(report: SizingReport, lang: Lang = 'en'): Section[] {
  const labels = assumptionLabels(lang);
  const out: Section[] = [];
  const shared = ` (${reportText(lang, 'shared')})`;
  out.push(section('summary', reportText(lang, 'titles.summary'), { paragraphs: headline(report, lang) }));
  if (report.problems.length) {
    out.push(
      section('problems', reportText(lang, 'titles.problems'), {
        paragraphs: [reportText(lang, 'problemsIntro')],
        bullets: report.problems.map((p) => `${p.source} ${p.field}: ${p.message}`),
      }),
    );
  }
  // Only the assumptions the found code uses (a GPU-only workspace gets no LLM API or database ones), in every format.
  const inUse = assumptionsInUse(report);
  out.push(
    section('assumptions', reportText(lang, 'assumptionsTitle', { profile: report.profile, workloadFile: report.workloadSource }), {
      paragraphs: [inUse.length ? reportText(lang, 'assumptionsIntro') : reportText(lang, 'page.noAssumptions')],
      tables:
        inUse.length === 0
          ? []
          : [
              {
                table: {
                  columns: [...textList(lang, 'columns.assumptions')],
                  numeric: [1],
                  rows: inUse.map((a) => [
                    labels[a.key as keyof typeof labels] ?? a.label,
                    String(a.value),
                    a.unit,
                    reportText(lang, `assumptionSource.${a.source}`),
                  ]),
                },
              },
            ],
      bullets: [
        reportText(lang, 'pricesBullet', { source: report.prices.source, date: report.prices.sourceDate, engineDate: report.prices.engineFactsDate }),
      ],
    }),
  );

  if (report.gpu.files.length) {
    const gpus = report.gpu.files[0]!.fits.map((f) => f.gpu);
    const gpuSection = section('gpu', reportText(lang, 'titles.gpu'), {
      paragraphs: [reportText(lang, 'gpuIntro', { safetyFactor: report.gpu.safetyFactor, target: report.gpu.target.name })],
      tables: [
        {
          table: {
            columns: [...textList(lang, 'columns.gpu'), ...gpus],
            // One verdict per cell, for the API the file uses (an OpenCL verdict says nothing about a CUDA program).
            rows: report.gpu.files.map((f) => [
              f.path,
              f.api,
              f.strategy,
              `${f.peakIsLowerBound ? '≥ ' : ''}${bytes(f.peakBytes, reportText(lang, 'unknown'))}`,
              ...f.fits.map((r) => VERDICT_MARK[f.api === 'opencl' ? r.opencl : r.cuda]),
            ]),
          },
        },
      ],
      bullets: [reportText(lang, 'verdictLegend')],
      charts: ['gpu-peak-vs-target'],
    });
    gpuSection.children = report.gpu.files.map((f) => {
      const bullets: string[] = [];
      for (const b of f.bound) bullets.push(`${b.expr} = ${bytes(b.bytes)} (${reportText(lang, 'boundFromWorkload')})`);
      if (f.unknowns.length) bullets.push(`${reportText(lang, 'stillUnknown')}: ${f.unknowns.join(', ')}`);
      const targetRow = f.fits.find((r) => r.gpu === report.gpu.target.id);
      if (targetRow)
        bullets.push(
          f.api === 'opencl'
            ? reportText(lang, 'gpuTargetLineOpencl', {
                target: report.gpu.target.name,
                verdict: reportText(lang, `verdict.${targetRow.opencl}`),
                why: targetRow.why,
                perBuffer: bytes(targetRow.openclMaxAllocBytes),
              })
            : reportText(lang, 'gpuTargetLineCuda', {
                target: report.gpu.target.name,
                verdict: reportText(lang, `verdict.${targetRow.cuda}`),
                why: targetRow.why,
              }),
        );
      if (f.chunkPlan) bullets.push(f.chunkPlan.formula, f.chunkPlan.note);
      bullets.push(...f.notes);
      return section(`gpu-${f.path}`, f.path, { bullets });
    });
    out.push(gpuSection);
  }

  if (report.llm.streams.length) {
    out.push(
      section('llm', reportText(lang, 'titles.llm'), {
        paragraphs: [reportText(lang, 'llmIntro')],
        tables: [
          {
            table: {
              columns: [...textList(lang, 'columns.llm')],
              numeric: [4, 5, 8, 9, 10, 11],
              rows: report.llm.streams.map((s) => [
                s.id,
                s.provider === null ? reportText(lang, 'unknown') : PROVIDER_NAMES[s.provider],
                s.api,
                s.model ?? reportText(lang, 'unknown'),
                `${s.avgRequestsPerSecond} (${s.peakRequestsPerSecond})`,
                s.cacheLookupInCode || s.cacheHitRatio > 0 ? `${Math.round(s.cacheHitRatio * 100)}%` : reportText(lang, 'noLookup'),
                `${s.inputTokens} (${reportText(lang, `valueSource.${s.inputFrom}`)}) / ${s.outputTokens} (${reportText(lang, `valueSource.${s.outputFrom}`)})`,
                bytes(s.recordBytes),
                reportText(lang, 'days', { n: Number(s.retentionDays.toFixed(2)) }),
                s.cost ? formatUsd(s.cost.perCallUsd) : reportText(lang, 'unknown'),
                s.cost ? usd(s.cost.monthlyUsd) : reportText(lang, 'unknown'),
                s.cost ? (s.offline ? usd(s.cost.monthlyBatchUsd) : reportText(lang, 'onlineNoBatch')) : reportText(lang, 'unknown'),
                s.stored ? s.storedWhy : reportText(lang, 'no'),
              ]),
            },
          },
        ],
        bullets: [
          ...report.llm.streams.map((s) =>
            reportText(lang, 'recordBullet', {
              id: s.id,
              formula: s.recordFormula,
              bytes: bytes(s.recordBytes),
              retentionWhy: s.retentionWhy,
              unknowns: s.unknowns.join('; '),
            }),
          ),
          ...report.llm.streams
            .filter((s) => s.cost?.cachedPerCallUsd != null)
            .map((s) => reportText(lang, 'cachedBullet', { id: s.id, perCall: formatUsd(s.cost!.cachedPerCallUsd!) })),
        ],
      }),
    );
  }

  if (report.engines.length && report.llm.load) {
    const l = report.llm.load;
    const engines = section('engines', reportText(lang, 'titles.engines'), {
      paragraphs: [
        reportText(lang, 'loadIntro', {
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
            columns: [...textList(lang, 'columns.engines')],
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
      bullets: [reportText(lang, 'sharedLegend')],
    });
    engines.children = report.engines.map((e) =>
      section(`engine-${e.engine}`, e.title, {
        tables: [
          {
            caption: reportText(lang, 'titles.nodesPerRole'),
            table: {
              columns: [...textList(lang, 'columns.roles')],
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
            caption: reportText(lang, 'titles.monthlyCost'),
            table: {
              columns: [...textList(lang, 'columns.cost')],
              numeric: [1, 3, 4],
              rows: [
                ...e.costLines.map((c) => [c.item, c.quantity.toLocaleString('en-US'), c.unit, unitPrice(c.unitUsd), usd(c.monthlyUsd)]),
                [reportText(lang, 'total'), '', '', '', usd(e.monthlyUsd)],
                ...(e.committedMonthlyUsd === null ? [] : [[reportText(lang, 'totalCommitted'), '', '', '', usd(e.committedMonthlyUsd)]]),
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
      section('traffic', reportText(lang, 'titles.traffic'), {
        paragraphs: [reportText(lang, 'trafficIntro', { unpriced: report.llm.unpriced.join(', ') })],
        tables: [
          {
            table: {
              columns: [...textList(lang, 'columns.traffic'), ...ids.map(engineName), reportText(lang, 'columns.trafficLlm')],
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
      section('months', reportText(lang, 'titles.months'), {
        paragraphs: [reportText(lang, 'monthsIntro', { growth: String(report.assumptions.find((a) => a.key === 'monthlyGrowth')?.value) })],
        tables: [
          {
            table: {
              columns: [...textList(lang, 'columns.months'), ...ids.map(engineName)],
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
                    .map((g) =>
                      reportText(lang, 'growthStep', {
                        month: g.month,
                        actBy: g.actBy,
                        fromNodes: g.fromNodes,
                        toNodes: g.toNodes,
                        fromInstance: g.fromInstance,
                        toInstance: g.toInstance,
                      }),
                    )
                    .join('; ')}`,
              )
              .concat(reportText(lang, 'growthLead'))
          : [reportText(lang, 'noGrowthStep', { months: report.months.length })],
        charts: ['storage-nodes-vs-months'],
      }),
    );
    if (report.recommendation) {
      out.push(
        section('recommendation', reportText(lang, 'titles.recommendation'), {
          paragraphs: [recommendationLine(report, lang)!],
          tables: [
            {
              table: {
                columns: [...textList(lang, 'columns.ranking')],
                numeric: [2, 3],
                rows: report.recommendation.ranking.map((r, i) => [String(i + 1), engineName(r.engine), String(r.nodes), usd(r.monthlyUsd)]),
              },
            },
          ],
          bullets:
            report.engines.some((e) => e.engine === 'redis') && !report.recommendation.ranking.some((r) => r.engine === 'redis')
              ? [reportText(lang, 'redisRankNote')]
              : [],
        }),
      );
    }
  }
  if (report.bill.lines.length) {
    const b = report.bill;
    const cell = (n: number | null) => (n === null ? reportText(lang, 'bill.notPriced') : usd(n));
    // The LLM line names the providers it adds up and their batch interface (the model's source is one English string).
    const offlinePriced = report.llm.streams.filter((s) => s.offline && s.cost);
    const llmProviders = providerNames(report.llm.streams.filter((s) => s.cost)).join(', ');
    out.push(
      section('bill', reportText(lang, 'titles.bill'), {
        paragraphs: [reportText(lang, 'bill.intro')],
        tables: [
          {
            table: {
              columns: [...textList(lang, 'columns.bill')],
              numeric: [2, 3],
              rows: [
                ...b.lines.map((l) => [
                  reportText(lang, 'bill.item', {
                    kind: l.kind,
                    what: l.what,
                    quantity: l.quantity,
                    name:
                      l.kind === 'database' || l.kind === 'cache'
                        ? engineName(l.what as Parameters<typeof engineName>[0])
                        : l.kind === 'openai'
                          ? batchPhrase(offlinePriced, lang)
                          : l.what,
                    bytes: bytes(l.quantity),
                  }),
                  l.kind === 'transfer'
                    ? reportText(lang, 'bill.noRate')
                    : l.kind === 'openai' && llmProviders.length
                      ? reportText(lang, 'bill.llmSource', { providers: llmProviders })
                      : l.source,
                  cell(l.onDemandUsd),
                  l.kind === 'openai'
                    ? cell(l.committedUsd)
                    : l.committedUsd === null
                      ? reportText(lang, 'bill.noCommitment', { onDemand: cell(l.onDemandUsd) })
                      : cell(l.committedUsd),
                ]),
                [reportText(lang, 'total'), '', usd(b.totalOnDemandUsd), usd(b.totalCommittedUsd)],
              ],
            },
          },
        ],
        bullets: textList(lang, 'bill.notes'),
      }),
    );
  }
  out.push(section('method', reportText(lang, 'titles.method'), { bullets: report.notes }));
  return out;
}
