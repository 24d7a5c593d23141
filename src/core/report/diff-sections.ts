// The diff report as a summary line and plain-text tables: text and Markdown only format them (as sizing-sections.ts
// does for the sizing report). Strings from the scanned code are plain here; each renderer escapes for its medium.
// The words come from the diff-strings.ts catalogue in the report's language.
import type { CallChange, DiffReport } from '../diff';
import { PROVIDER_NAMES } from '../facts/llm-providers';
import { formatUsd, GIB } from '../model/units';
import type { FitVerdict } from '../sizing/gpu-fit';
import { diffHeaders, diffText as t, DIFF_MESSAGES } from './diff-strings';
import { reportText } from './report-strings';
import type { Lang } from '../l10n';

export interface DiffTable {
  title: string;
  headers: string[];
  rows: string[][];
}

type CallSide = NonNullable<CallChange['after']>;

const signedUsd = (usd: number): string => (usd > 0 ? `+${formatUsd(usd)}` : usd < 0 ? `-${formatUsd(-usd)}` : '$0');
const gib = (lang: Lang, bytes: number | null, lowerBound = false): string =>
  bytes === null ? t(lang, 'unknown') : `${lowerBound ? '≥' : ''}${(bytes / GIB).toFixed(1)} GiB`;
const arrow = (a: string, b: string): string => (a === b ? a : `${a} → ${b}`);
const verdict = (lang: Lang, v: FitVerdict | null): string => (v === null ? '—' : reportText(lang, `verdict.${v}`));

/** "+$1,240/month LLM API, +1 data node on MongoDB, peak GPU memory 9.1 → 17.3 GiB: no longer fits a T4". */
export function diffSummaryLine(r: DiffReport, lang: Lang = 'en'): string {
  const parts: string[] = [];
  // The JSON field keeps its name (docs/diff.schema.json); it is the spend of every provider's call sites.
  if (Math.abs(r.openai.deltaUsd) >= 0.005) parts.push(t(lang, 'summary.llm', { delta: signedUsd(r.openai.deltaUsd) }));
  for (const d of r.databases) {
    const b = d.before?.dataNodes ?? 0;
    const a = d.after?.dataNodes ?? 0;
    // The engine the report recommends: the others are alternatives, not what this change adds.
    if (!(d.recommendedAfter || (d.recommendedBefore && !r.databases.some((x) => x.recommendedAfter)))) continue;
    if (d.before?.serverless || d.after?.serverless) {
      const mb = d.before?.monthlyUsd ?? 0;
      const ma = d.after?.monthlyUsd ?? 0;
      if (Math.abs(ma - mb) >= 0.005) parts.push(t(lang, 'summary.serverless', { delta: signedUsd(ma - mb), engine: d.name }));
    } else if (a !== b) parts.push(t(lang, 'summary.dataNodes', { signed: a > b ? '+' : '-', n: Math.abs(a - b), engine: d.name }));
    else if (d.before && d.after && d.before.dataInstance !== d.after.dataInstance)
      parts.push(
        t(lang, 'summary.dataInstance', {
          engine: d.name,
          from: d.before.dataInstance ?? t(lang, 'summary.serverlessWord'),
          to: d.after.dataInstance ?? t(lang, 'summary.serverlessWord'),
        }),
      );
  }
  for (const g of r.gpu) {
    if (g.peakBytesBefore === g.peakBytesAfter && g.verdictBefore === g.verdictAfter) continue;
    let text =
      g.status === 'added'
        ? t(lang, 'summary.peakAdded', { peak: gib(lang, g.peakBytesAfter, g.lowerBoundAfter), path: g.path })
        : g.status === 'removed'
          ? t(lang, 'summary.programRemoved', { path: g.path })
          : t(lang, 'summary.peakChanged', {
              before: gib(lang, g.peakBytesBefore, g.lowerBoundBefore),
              after: gib(lang, g.peakBytesAfter, g.lowerBoundAfter),
              path: r.gpu.length > 1 ? g.path : null,
            });
    const fitsBefore = g.verdictBefore === 'fits';
    const fitsAfter = g.verdictAfter === 'fits';
    const target = r.targetGpu.name;
    if (g.status !== 'removed' && g.verdictAfter !== 'unknown') {
      if (fitsBefore && !fitsAfter) text += t(lang, 'summary.noLongerFits', { gpu: target });
      else if (!fitsBefore && fitsAfter && g.status === 'changed') text += t(lang, 'summary.nowFits', { gpu: target });
      else if (g.status === 'added')
        text += fitsAfter
          ? t(lang, 'summary.fits', { gpu: target })
          : t(lang, 'summary.doesNotFit', { gpu: target, withoutChunking: g.verdictAfter === 'needs-chunking' });
    }
    parts.push(text);
  }
  if (r.findings.new.length) parts.push(t(lang, 'summary.newFindings', { n: r.findings.new.length }));
  return parts.length ? parts.join(', ') : t(lang, 'summary.nothing');
}

const callWhere = (c: CallSide): string => `${c.path}:${c.line}${c.function ? ` (${c.function})` : ''}`;
/** The operation with its provider's public name (the same call name exists on several providers: `messages.create`). */
const operationOf = (c: CallSide): string => (c.provider ? `${c.operation} (${PROVIDER_NAMES[c.provider]})` : c.operation);
const context = (lang: Lang, c: CallSide): string => {
  return (
    [
      c.inLoop ? t(lang, 'context.loop') : null,
      c.inHandler ? t(lang, 'context.handler') : null,
      c.stored ? (c.store ? t(lang, 'context.storedIn', { store: c.store }) : t(lang, 'context.stored')) : null,
      c.cache ? t(lang, 'context.cache') : null,
    ]
      .filter(Boolean)
      .join(', ') || '—'
  );
};
// CallSide.outputBound is typed string (diff/match.ts); the words are for LlmCallSummary's outputBound values.
const bound = (lang: Lang, c: CallSide): string =>
  c.maxTokens !== null
    ? t(lang, 'maxTokens', { n: c.maxTokens })
    : Object.hasOwn(DIFF_MESSAGES, `outputBound.${c.outputBound}`)
      ? t(lang, `outputBound.${c.outputBound}` as 'outputBound.unknown')
      : c.outputBound;
const usd = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : formatUsd(v));
const side = <T>(c: CallChange, f: (s: CallSide) => T, show: (v: T) => string): string => {
  const b = c.before ? show(f(c.before)) : '—';
  const a = c.after ? show(f(c.after)) : '—';
  return c.before && c.after ? arrow(b, a) : c.after ? a : b;
};

export function diffTables(r: DiffReport, lang: Lang = 'en'): DiffTable[] {
  const tables: DiffTable[] = [];
  if (r.calls.length) {
    tables.push({
      title: t(lang, 'calls.title'),
      headers: diffHeaders(lang, 'calls'),
      rows: r.calls.map((c) => [
        c.status === 'moved' ? t(lang, 'movedFrom', { where: callWhere((c.before ?? c.after)!) }) : t(lang, `status.${c.status}`),
        callWhere((c.after ?? c.before)!),
        operationOf((c.after ?? c.before)!),
        side(c, (s) => s.model ?? t(lang, 'unknown'), String),
        side(c, (s) => bound(lang, s), String),
        side(c, (s) => context(lang, s), String),
        side(c, (s) => s.perCallUsd, usd),
        side(c, (s) => s.monthlyUsd, usd),
        c.monthlyDeltaUsd === null ? t(lang, 'unknown') : signedUsd(c.monthlyDeltaUsd),
      ]),
    });
  }
  if (r.gpu.length) {
    tables.push({
      title: t(lang, 'gpu.title', { target: r.targetGpu.name }),
      headers: diffHeaders(lang, 'gpu'),
      rows: r.gpu.map((g) => [
        g.beforePath && g.beforePath !== g.path ? `${g.beforePath} → ${g.path}` : g.path,
        g.status === 'added' ? '—' : gib(lang, g.peakBytesBefore, g.lowerBoundBefore),
        g.status === 'removed' ? '—' : gib(lang, g.peakBytesAfter, g.lowerBoundAfter),
        verdict(lang, g.verdictBefore),
        verdict(lang, g.verdictAfter),
      ]),
    });
  }
  if (r.stores.length) {
    tables.push({
      title: t(lang, 'stores.title'),
      headers: diffHeaders(lang, 'stores'),
      rows: r.stores.map((s) => [
        t(lang, `status.${s.status}`),
        `${s.path}:${s.line}`,
        s.engine && s.engine !== s.kind ? `${s.kind} (${s.engine})` : s.kind,
        s.api,
      ]),
    });
  }
  const dbs = r.databases.filter((d) => JSON.stringify(d.before) !== JSON.stringify(d.after));
  if (dbs.length) {
    const nodes = (s: (typeof dbs)[number]['before']) =>
      !s
        ? '—'
        : s.serverless
          ? t(lang, 'databases.serverless', { partitions: s.dataNodes })
          : t(lang, 'databases.nodes', { nodes: s.nodes, data: s.dataNodes, instance: s.dataInstance });
    tables.push({
      title: t(lang, 'databases.title'),
      headers: diffHeaders(lang, 'databases'),
      rows: dbs.map((d) => [
        `${d.name}${d.recommendedAfter ? t(lang, 'databases.recommended') : ''}`,
        nodes(d.before),
        nodes(d.after),
        usd(d.before?.monthlyUsd),
        usd(d.after?.monthlyUsd),
      ]),
    });
  }
  if (r.findings.new.length) {
    tables.push({
      title: t(lang, 'findings.title'),
      headers: diffHeaders(lang, 'findings'),
      rows: r.findings.new.map((f) => [t(lang, `severity.${f.severity}`), `${f.path}:${f.line}:${f.column}`, f.ruleId, f.message]),
    });
  }
  return tables;
}

/** The lines under the tables: the bill, renames, fixed findings and what could not be analysed. */
export function diffFootnotes(r: DiffReport, lang: Lang = 'en'): string[] {
  const notes = [
    t(lang, 'footnotes.total', {
      before: formatUsd(r.bill.monthlyUsdBefore),
      after: formatUsd(r.bill.monthlyUsdAfter),
      delta: signedUsd(r.bill.deltaUsd),
    }),
  ];
  if (r.findings.fixed) notes.push(t(lang, 'footnotes.fixed', { n: r.findings.fixed }));
  for (const m of r.renames) notes.push(t(lang, 'footnotes.renamed', { from: m.from, to: m.to }));
  for (const n of r.notAnalysed) notes.push(t(lang, 'footnotes.notAnalysed', { side: n.side, path: n.path, reason: n.reason }));
  const head = r.head.commit ? `${r.head.ref} (${r.head.commit.slice(0, 12)})` : t(lang, 'workingTree');
  notes.push(t(lang, 'footnotes.revisions', { base: `${r.base.ref} (${r.base.commit.slice(0, 12)})`, head, profile: r.profile }));
  return notes;
}
