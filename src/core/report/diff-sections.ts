// The diff report as a summary line and plain-text tables: text and Markdown only format them (as sizing-sections.ts
// does for the sizing report). Strings from the scanned code are plain here; each renderer escapes for its medium.
import type { CallChange, DiffReport } from '../diff';
import { formatUsd, GIB } from '../model/units';
import type { FitVerdict } from '../sizing/gpu-fit';

export interface DiffTable {
  title: string;
  headers: string[];
  rows: string[][];
}

const signedUsd = (usd: number): string => (usd > 0 ? `+${formatUsd(usd)}` : usd < 0 ? `-${formatUsd(-usd)}` : '$0');
const gib = (bytes: number | null, lowerBound = false): string =>
  bytes === null ? 'unknown' : `${lowerBound ? '≥' : ''}${(bytes / GIB).toFixed(1)} GiB`;
const arrow = (a: string, b: string): string => (a === b ? a : `${a} → ${b}`);
const VERDICT: Record<FitVerdict, string> = { fits: 'fits', 'needs-chunking': 'needs chunking', 'does-not-fit': 'does not fit', unknown: 'unknown' };
const verdict = (v: FitVerdict | null): string => (v === null ? '—' : VERDICT[v]);

/** "+$1,240/month OpenAI, +1 data node on MongoDB, peak GPU memory 9.1 → 17.3 GiB: no longer fits a T4". */
export function diffSummaryLine(r: DiffReport): string {
  const parts: string[] = [];
  if (Math.abs(r.openai.deltaUsd) >= 0.005) parts.push(`${signedUsd(r.openai.deltaUsd)}/month OpenAI`);
  for (const d of r.databases) {
    const b = d.before?.dataNodes ?? 0;
    const a = d.after?.dataNodes ?? 0;
    // The engine the report recommends: the others are alternatives, not what this change adds.
    if (!(d.recommendedAfter || (d.recommendedBefore && !r.databases.some((x) => x.recommendedAfter)))) continue;
    if (d.before?.serverless || d.after?.serverless) {
      const mb = d.before?.monthlyUsd ?? 0;
      const ma = d.after?.monthlyUsd ?? 0;
      if (Math.abs(ma - mb) >= 0.005) parts.push(`${signedUsd(ma - mb)}/month on ${d.name}`);
    } else if (a !== b) parts.push(`${a > b ? '+' : '-'}${Math.abs(a - b)} data node${Math.abs(a - b) === 1 ? '' : 's'} on ${d.name}`);
    else if (d.before && d.after && d.before.dataInstance !== d.after.dataInstance)
      parts.push(`${d.name} data nodes ${d.before.dataInstance ?? 'serverless'} → ${d.after.dataInstance ?? 'serverless'}`);
  }
  for (const g of r.gpu) {
    if (g.peakBytesBefore === g.peakBytesAfter && g.verdictBefore === g.verdictAfter) continue;
    let text =
      g.status === 'added'
        ? `peak GPU memory ${gib(g.peakBytesAfter, g.lowerBoundAfter)} in ${g.path}`
        : g.status === 'removed'
          ? `GPU program ${g.path} removed`
          : `peak GPU memory ${gib(g.peakBytesBefore, g.lowerBoundBefore)} → ${gib(g.peakBytesAfter, g.lowerBoundAfter)}${r.gpu.length > 1 ? ` in ${g.path}` : ''}`;
    const fitsBefore = g.verdictBefore === 'fits';
    const fitsAfter = g.verdictAfter === 'fits';
    if (g.status !== 'removed' && g.verdictAfter !== 'unknown') {
      if (fitsBefore && !fitsAfter) text += `: no longer fits the ${r.targetGpu.name}`;
      else if (!fitsBefore && fitsAfter && g.status === 'changed') text += `: now fits the ${r.targetGpu.name}`;
      else if (g.status === 'added')
        text += fitsAfter
          ? `: fits the ${r.targetGpu.name}`
          : `: does not fit the ${r.targetGpu.name}${g.verdictAfter === 'needs-chunking' ? ' without chunking' : ''}`;
    }
    parts.push(text);
  }
  if (r.findings.new.length) parts.push(`${r.findings.new.length} new finding${r.findings.new.length === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : 'No change in cost, GPU memory or databases, and no new findings';
}

const callWhere = (c: NonNullable<CallChange['after']>): string => `${c.path}:${c.line}${c.function ? ` (${c.function})` : ''}`;
const context = (c: NonNullable<CallChange['after']>): string =>
  [c.inLoop ? 'loop' : null, c.inHandler ? 'handler' : null, c.stored ? `stored${c.store ? ` in ${c.store}` : ''}` : null, c.cache ? 'cache' : null]
    .filter(Boolean)
    .join(', ') || '—';
const bound = (c: NonNullable<CallChange['after']>): string => (c.maxTokens !== null ? `max ${c.maxTokens}` : c.outputBound);
const usd = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : formatUsd(v));
const side = <T>(c: CallChange, f: (s: NonNullable<CallChange['after']>) => T, show: (v: T) => string): string => {
  const b = c.before ? show(f(c.before)) : '—';
  const a = c.after ? show(f(c.after)) : '—';
  return c.before && c.after ? arrow(b, a) : c.after ? a : b;
};

export function diffTables(r: DiffReport): DiffTable[] {
  const tables: DiffTable[] = [];
  if (r.calls.length) {
    tables.push({
      title: 'LLM call sites',
      headers: ['Change', 'Where', 'Operation', 'Model', 'Output bound', 'Context', '$/call', '$/month', 'Δ $/month'],
      rows: r.calls.map((c) => [
        c.status === 'moved' && c.before ? `moved from ${callWhere(c.before)}` : c.status,
        callWhere((c.after ?? c.before)!),
        (c.after ?? c.before)!.operation,
        side(c, (s) => s.model ?? 'unknown', String),
        side(c, bound, String),
        side(c, context, String),
        side(c, (s) => s.perCallUsd, usd),
        side(c, (s) => s.monthlyUsd, usd),
        c.monthlyDeltaUsd === null ? 'unknown' : signedUsd(c.monthlyDeltaUsd),
      ]),
    });
  }
  if (r.gpu.length) {
    tables.push({
      title: `GPU memory (target ${r.targetGpu.name})`,
      headers: ['Program', 'Peak before', 'Peak after', 'Verdict before', 'Verdict after'],
      rows: r.gpu.map((g) => [
        g.beforePath && g.beforePath !== g.path ? `${g.beforePath} → ${g.path}` : g.path,
        g.status === 'added' ? '—' : gib(g.peakBytesBefore, g.lowerBoundBefore),
        g.status === 'removed' ? '—' : gib(g.peakBytesAfter, g.lowerBoundAfter),
        verdict(g.verdictBefore),
        verdict(g.verdictAfter),
      ]),
    });
  }
  if (r.stores.length) {
    tables.push({
      title: 'Store writes of LLM results',
      headers: ['Change', 'Where', 'Store', 'API'],
      rows: r.stores.map((s) => [s.status, `${s.path}:${s.line}`, s.engine && s.engine !== s.kind ? `${s.kind} (${s.engine})` : s.kind, s.api]),
    });
  }
  const dbs = r.databases.filter((d) => JSON.stringify(d.before) !== JSON.stringify(d.after));
  if (dbs.length) {
    const nodes = (s: (typeof dbs)[number]['before']) =>
      !s
        ? '—'
        : s.serverless
          ? `serverless (${s.dataNodes} partitions)`
          : `${s.nodes} (${s.dataNodes} data${s.dataInstance ? ` × ${s.dataInstance}` : ''})`;
    tables.push({
      title: 'Database sizing',
      headers: ['Engine', 'Nodes before', 'Nodes after', '$/month before', '$/month after'],
      rows: dbs.map((d) => [
        `${d.name}${d.recommendedAfter ? ' (recommended)' : ''}`,
        nodes(d.before),
        nodes(d.after),
        usd(d.before?.monthlyUsd),
        usd(d.after?.monthlyUsd),
      ]),
    });
  }
  if (r.findings.new.length) {
    tables.push({
      title: 'New findings',
      headers: ['Severity', 'Where', 'Rule', 'Message'],
      rows: r.findings.new.map((f) => [f.severity, `${f.path}:${f.line}:${f.column}`, f.ruleId, f.message]),
    });
  }
  return tables;
}

/** The lines under the tables: the bill, renames, fixed findings and what could not be analysed. */
export function diffFootnotes(r: DiffReport): string[] {
  const notes = [
    `Monthly total (the sizing report's bill, on demand): ${formatUsd(r.bill.monthlyUsdBefore)} → ${formatUsd(r.bill.monthlyUsdAfter)} (${signedUsd(r.bill.deltaUsd)}).`,
  ];
  if (r.findings.fixed) notes.push(`${r.findings.fixed} finding${r.findings.fixed === 1 ? '' : 's'} of the base no longer reported.`);
  for (const m of r.renames) notes.push(`Renamed: ${m.from} → ${m.to}.`);
  for (const n of r.notAnalysed) notes.push(`Not analysed (${n.side}): ${n.path}: ${n.reason}; its changes are missing.`);
  notes.push(
    `Base ${r.base.ref} (${r.base.commit.slice(0, 12)}), head ${r.head.commit ? `${r.head.ref} (${r.head.commit.slice(0, 12)})` : r.head.ref}${r.profile ? `, profile ${r.profile}` : ''}.`,
  );
  return notes;
}
