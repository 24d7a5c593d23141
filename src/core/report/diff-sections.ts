// The diff report as a summary line and plain-text tables: text and Markdown only format them (as sizing-sections.ts
// does for the sizing report). Strings from the scanned code are plain here; each renderer escapes for its medium.
// The words come from report-strings.ts (the `diff` table) in the report's language.
import type { CallChange, DiffReport } from '../diff';
import { PROVIDER_NAMES } from '../facts/llm-providers';
import { formatUsd, GIB } from '../model/units';
import type { FitVerdict } from '../sizing/gpu-fit';
import { reportStrings, type ReportStrings } from './report-strings';
import type { Lang } from '../l10n';

export interface DiffTable {
  title: string;
  headers: string[];
  rows: string[][];
}

type CallSide = NonNullable<CallChange['after']>;

const signedUsd = (usd: number): string => (usd > 0 ? `+${formatUsd(usd)}` : usd < 0 ? `-${formatUsd(-usd)}` : '$0');
const gib = (S: ReportStrings, bytes: number | null, lowerBound = false): string =>
  bytes === null ? S.diff.unknown : `${lowerBound ? '≥' : ''}${(bytes / GIB).toFixed(1)} GiB`;
const arrow = (a: string, b: string): string => (a === b ? a : `${a} → ${b}`);
const verdict = (S: ReportStrings, v: FitVerdict | null): string => (v === null ? '—' : S.verdict[v]);

/** "+$1,240/month LLM API, +1 data node on MongoDB, peak GPU memory 9.1 → 17.3 GiB: no longer fits a T4". */
export function diffSummaryLine(r: DiffReport, lang: Lang = 'en'): string {
  const S = reportStrings(lang);
  const W = S.diff.summary;
  const parts: string[] = [];
  // The JSON field keeps its name (docs/diff.schema.json); it is the spend of every provider's call sites.
  if (Math.abs(r.openai.deltaUsd) >= 0.005) parts.push(W.llm(signedUsd(r.openai.deltaUsd)));
  for (const d of r.databases) {
    const b = d.before?.dataNodes ?? 0;
    const a = d.after?.dataNodes ?? 0;
    // The engine the report recommends: the others are alternatives, not what this change adds.
    if (!(d.recommendedAfter || (d.recommendedBefore && !r.databases.some((x) => x.recommendedAfter)))) continue;
    if (d.before?.serverless || d.after?.serverless) {
      const mb = d.before?.monthlyUsd ?? 0;
      const ma = d.after?.monthlyUsd ?? 0;
      if (Math.abs(ma - mb) >= 0.005) parts.push(W.serverless(signedUsd(ma - mb), d.name));
    } else if (a !== b) parts.push(W.dataNodes(a > b ? '+' : '-', Math.abs(a - b), d.name));
    else if (d.before && d.after && d.before.dataInstance !== d.after.dataInstance)
      parts.push(W.dataInstance(d.name, d.before.dataInstance ?? W.serverlessWord, d.after.dataInstance ?? W.serverlessWord));
  }
  for (const g of r.gpu) {
    if (g.peakBytesBefore === g.peakBytesAfter && g.verdictBefore === g.verdictAfter) continue;
    let text =
      g.status === 'added'
        ? W.peakAdded(gib(S, g.peakBytesAfter, g.lowerBoundAfter), g.path)
        : g.status === 'removed'
          ? W.programRemoved(g.path)
          : W.peakChanged(
              gib(S, g.peakBytesBefore, g.lowerBoundBefore),
              gib(S, g.peakBytesAfter, g.lowerBoundAfter),
              r.gpu.length > 1 ? g.path : null,
            );
    const fitsBefore = g.verdictBefore === 'fits';
    const fitsAfter = g.verdictAfter === 'fits';
    const target = r.targetGpu.name;
    if (g.status !== 'removed' && g.verdictAfter !== 'unknown') {
      if (fitsBefore && !fitsAfter) text += W.noLongerFits(target);
      else if (!fitsBefore && fitsAfter && g.status === 'changed') text += W.nowFits(target);
      else if (g.status === 'added') text += fitsAfter ? W.fits(target) : W.doesNotFit(target, g.verdictAfter === 'needs-chunking');
    }
    parts.push(text);
  }
  if (r.findings.new.length) parts.push(W.newFindings(r.findings.new.length));
  return parts.length ? parts.join(', ') : W.nothing;
}

const callWhere = (c: CallSide): string => `${c.path}:${c.line}${c.function ? ` (${c.function})` : ''}`;
/** The operation with its provider's public name (the same call name exists on several providers: `messages.create`). */
const operationOf = (c: CallSide): string => (c.provider ? `${c.operation} (${PROVIDER_NAMES[c.provider]})` : c.operation);
const context = (S: ReportStrings, c: CallSide): string => {
  const X = S.diff.context;
  return (
    [c.inLoop ? X.loop : null, c.inHandler ? X.handler : null, c.stored ? (c.store ? X.storedIn(c.store) : X.stored) : null, c.cache ? X.cache : null]
      .filter(Boolean)
      .join(', ') || '—'
  );
};
// CallSide.outputBound is typed string (diff/match.ts); the words are for LlmCallSummary's outputBound values.
const bound = (S: ReportStrings, c: CallSide): string =>
  c.maxTokens !== null
    ? S.diff.maxTokens(c.maxTokens)
    : Object.hasOwn(S.diff.outputBound, c.outputBound)
      ? S.diff.outputBound[c.outputBound as keyof ReportStrings['diff']['outputBound']]
      : c.outputBound;
const usd = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : formatUsd(v));
const side = <T>(c: CallChange, f: (s: CallSide) => T, show: (v: T) => string): string => {
  const b = c.before ? show(f(c.before)) : '—';
  const a = c.after ? show(f(c.after)) : '—';
  return c.before && c.after ? arrow(b, a) : c.after ? a : b;
};

export function diffTables(r: DiffReport, lang: Lang = 'en'): DiffTable[] {
  const S = reportStrings(lang);
  const D = S.diff;
  const tables: DiffTable[] = [];
  if (r.calls.length) {
    tables.push({
      title: D.calls.title,
      headers: [...D.calls.headers],
      rows: r.calls.map((c) => [
        c.status === 'moved' ? D.movedFrom(callWhere((c.before ?? c.after)!)) : D.status[c.status],
        callWhere((c.after ?? c.before)!),
        operationOf((c.after ?? c.before)!),
        side(c, (s) => s.model ?? D.unknown, String),
        side(c, (s) => bound(S, s), String),
        side(c, (s) => context(S, s), String),
        side(c, (s) => s.perCallUsd, usd),
        side(c, (s) => s.monthlyUsd, usd),
        c.monthlyDeltaUsd === null ? D.unknown : signedUsd(c.monthlyDeltaUsd),
      ]),
    });
  }
  if (r.gpu.length) {
    tables.push({
      title: D.gpu.title(r.targetGpu.name),
      headers: [...D.gpu.headers],
      rows: r.gpu.map((g) => [
        g.beforePath && g.beforePath !== g.path ? `${g.beforePath} → ${g.path}` : g.path,
        g.status === 'added' ? '—' : gib(S, g.peakBytesBefore, g.lowerBoundBefore),
        g.status === 'removed' ? '—' : gib(S, g.peakBytesAfter, g.lowerBoundAfter),
        verdict(S, g.verdictBefore),
        verdict(S, g.verdictAfter),
      ]),
    });
  }
  if (r.stores.length) {
    tables.push({
      title: D.stores.title,
      headers: [...D.stores.headers],
      rows: r.stores.map((s) => [
        D.status[s.status],
        `${s.path}:${s.line}`,
        s.engine && s.engine !== s.kind ? `${s.kind} (${s.engine})` : s.kind,
        s.api,
      ]),
    });
  }
  const dbs = r.databases.filter((d) => JSON.stringify(d.before) !== JSON.stringify(d.after));
  if (dbs.length) {
    const nodes = (s: (typeof dbs)[number]['before']) =>
      !s ? '—' : s.serverless ? D.databases.serverless(s.dataNodes) : D.databases.nodes(s.nodes, s.dataNodes, s.dataInstance);
    tables.push({
      title: D.databases.title,
      headers: [...D.databases.headers],
      rows: dbs.map((d) => [
        `${d.name}${d.recommendedAfter ? D.databases.recommended : ''}`,
        nodes(d.before),
        nodes(d.after),
        usd(d.before?.monthlyUsd),
        usd(d.after?.monthlyUsd),
      ]),
    });
  }
  if (r.findings.new.length) {
    tables.push({
      title: D.findings.title,
      headers: [...D.findings.headers],
      rows: r.findings.new.map((f) => [D.severity[f.severity], `${f.path}:${f.line}:${f.column}`, f.ruleId, f.message]),
    });
  }
  return tables;
}

/** The lines under the tables: the bill, renames, fixed findings and what could not be analysed. */
export function diffFootnotes(r: DiffReport, lang: Lang = 'en'): string[] {
  const F = reportStrings(lang).diff.footnotes;
  const notes = [F.total(formatUsd(r.bill.monthlyUsdBefore), formatUsd(r.bill.monthlyUsdAfter), signedUsd(r.bill.deltaUsd))];
  if (r.findings.fixed) notes.push(F.fixed(r.findings.fixed));
  for (const m of r.renames) notes.push(F.renamed(m.from, m.to));
  for (const n of r.notAnalysed) notes.push(F.notAnalysed(n.side, n.path, n.reason));
  const head = r.head.commit ? `${r.head.ref} (${r.head.commit.slice(0, 12)})` : reportStrings(lang).diff.workingTree;
  notes.push(F.revisions(`${r.base.ref} (${r.base.commit.slice(0, 12)})`, head, r.profile));
  return notes;
}
