// `diff`: what a change does to cost and memory. Both revisions are scanned with core/analyze and sized with the report's
// own model (buildSizingReport), then matched: call sites, GPU programs, databases, findings; across moved lines and
// renamed files. Renderers are in report/diff-*.ts.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyze, TOOL_NAME, TOOL_VERSION, type AnalysisResult } from '../analyze';
import { loadConfigFile } from '../config';
import { fingerprintFindings, normalisedLines } from '../model/fingerprint';
import type { Finding, LlmCallSummary } from '../model/types';
import { buildSizingReport, engineName, type SizingReport } from '../report/sizing-model';
import { RULE_IDS } from '../rules';
import { findGpu, GPU_CATALOG } from '../sizing/gpu-catalog';
import type { FitVerdict } from '../sizing/gpu-fit';
import type { CallStream } from '../sizing/llm-workload';
import { PROFILE_NAMES, type ProfileName } from '../sizing/profiles';
import { loadWorkloadFile } from '../sizing/workload';
import { defaultBranch, git, GitError, materialise, renames, resolveCommit } from './git';
import { matchCalls, type CallSide, type CallChange } from './match';
import type { Lang } from '../l10n';

export { GitError } from './git';
export type { CallChange } from './match';

export const DIFF_SCHEMA_ID = 'https://github.com/ai-infra-advisor/ai-infra-advisor/docs/diff.schema.json';

export interface DiffOptions {
  root: string;
  /** A revision; default: the merge base of HEAD with the default branch (origin/HEAD, else main, else master). */
  base?: string;
  /** A revision; default: the working tree. */
  head?: string;
  targetGpu?: string;
  profile?: string;
  lang?: Lang;
}

export interface GpuProgramChange {
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  path: string;
  beforePath: string | null;
  peakBytesBefore: number | null;
  peakBytesAfter: number | null;
  lowerBoundBefore: boolean;
  lowerBoundAfter: boolean;
  verdictBefore: FitVerdict | null;
  verdictAfter: FitVerdict | null;
}

export interface EngineSide {
  /** No nodes to run (DynamoDB): `dataNodes` counts partitions. */
  serverless: boolean;
  nodes: number;
  dataNodes: number;
  dataInstance: string | null;
  monthlyUsd: number;
}

export interface DatabaseChange {
  engine: string;
  name: string;
  before: EngineSide | null;
  after: EngineSide | null;
  recommendedBefore: boolean;
  recommendedAfter: boolean;
}

export interface StoreWriteChange {
  status: 'added' | 'removed';
  path: string;
  line: number;
  kind: string;
  engine: string;
  api: string;
}

export interface NewFinding {
  fingerprint: string;
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  path: string;
  line: number;
  column: number;
}

export interface DiffReport {
  $schema: string;
  tool: { name: string; version: string };
  base: { ref: string; commit: string };
  /** commit null: the working tree. */
  head: { ref: string; commit: string | null };
  profile: ProfileName | null;
  targetGpu: { id: string; name: string };
  renames: Array<{ from: string; to: string }>;
  calls: CallChange[];
  openai: { monthlyUsdBefore: number; monthlyUsdAfter: number; deltaUsd: number };
  gpu: GpuProgramChange[];
  databases: DatabaseChange[];
  stores: StoreWriteChange[];
  findings: { new: NewFinding[]; fixed: number };
  /** The report's one monthly total (on demand), before and after. */
  bill: { monthlyUsdBefore: number; monthlyUsdAfter: number; deltaUsd: number };
  /** Files that could not be analysed on either side (their changes are missing from the report). */
  notAnalysed: Array<{ side: 'base' | 'head'; path: string; reason: string }>;
}

interface Side {
  result: AnalysisResult;
  sizing: SizingReport;
  textOf: (path: string) => string | null;
}

async function scanSide(root: string, opts: DiffOptions): Promise<Side> {
  const loaded = loadConfigFile(root, RULE_IDS);
  if (loaded.fatal) throw new GitError(loaded.fatal);
  if (opts.targetGpu) {
    const gpu = findGpu(opts.targetGpu, loaded.config.customGpu);
    if (!gpu) throw new GitError(`unknown target GPU '${opts.targetGpu}': use one of ${GPU_CATALOG.map((g) => g.id).join(', ')}`);
    loaded.gpu = gpu;
    loaded.config.targetGpu = gpu.id;
  }
  if (opts.lang) loaded.config.lang = opts.lang;
  const result = await analyze({ root, config: loaded });
  const workload = loadWorkloadFile(root, { profile: opts.profile as ProfileName | undefined });
  if (workload.fatal) throw new GitError(workload.fatal);
  const sizing = buildSizingReport(result, workload);
  const texts = new Map<string, string | null>();
  const textOf = (path: string): string | null => {
    if (!texts.has(path)) {
      let t: string | null;
      try {
        t = readFileSync(join(root, path), 'utf8');
      } catch {
        t = null;
      }
      texts.set(path, t);
    }
    return texts.get(path)!;
  };
  return { result, sizing, textOf };
}

function callSides(side: Side): CallSide[] {
  const streams = new Map<string, CallStream>(side.sizing.llm.streams.map((s) => [`${s.path}\u0000${s.line}\u0000${s.operation}`, s]));
  return side.result.llm.flatMap((f) =>
    f.calls.map((c: LlmCallSummary): CallSide => {
      const s = streams.get(`${f.path}\u0000${c.line}\u0000${c.operation}`);
      const text = side.textOf(f.path);
      return {
        path: f.path,
        line: c.line,
        function: c.function,
        operation: c.operation,
        provider: c.provider ?? null,
        model: c.model,
        outputBound: c.outputBound,
        maxTokens: c.maxTokens,
        inLoop: c.inLoop,
        inHandler: c.inHandler,
        stored: c.persisted,
        store: c.store ? `${c.store.kind}${c.store.engine && c.store.engine !== c.store.kind ? ` (${c.store.engine})` : ''}` : null,
        cache: c.cacheBeforeCall,
        inputTokens: s?.inputTokens ?? null,
        outputTokens: s?.outputTokens ?? null,
        perCallUsd: s?.cost?.perCallUsd ?? c.estCostUsd ?? null,
        monthlyUsd: s?.cost ? s.cost.monthlyUsd : null,
        lineText: text === null ? '' : normalisedLines(text, c.line, c.line),
      };
    }),
  );
}

function verdictOn(f: SizingReport['gpu']['files'][number], gpuId: string): FitVerdict | null {
  const row = f.fits.find((r) => r.gpu === gpuId);
  if (!row) return null;
  return f.api === 'opencl' ? row.opencl : row.cuda;
}

function gpuChanges(before: Side, after: Side, toNew: (p: string) => string): GpuProgramChange[] {
  const target = after.sizing.gpu.target.id;
  const old = new Map(before.sizing.gpu.files.map((f) => [toNew(f.path), f]));
  const out: GpuProgramChange[] = [];
  for (const f of after.sizing.gpu.files) {
    const b = old.get(f.path);
    old.delete(f.path);
    const change: GpuProgramChange = {
      status: 'added',
      path: f.path,
      beforePath: b?.path ?? null,
      peakBytesBefore: b?.peakBytes ?? null,
      peakBytesAfter: f.peakBytes,
      lowerBoundBefore: b?.peakIsLowerBound ?? false,
      lowerBoundAfter: f.peakIsLowerBound,
      verdictBefore: b ? verdictOn(b, target) : null,
      verdictAfter: verdictOn(f, target),
    };
    if (b)
      change.status =
        change.peakBytesBefore === change.peakBytesAfter &&
        change.verdictBefore === change.verdictAfter &&
        change.lowerBoundBefore === change.lowerBoundAfter
          ? 'unchanged'
          : 'changed';
    out.push(change);
  }
  for (const [path, b] of old) {
    out.push({
      status: 'removed',
      path,
      beforePath: b.path,
      peakBytesBefore: b.peakBytes,
      peakBytesAfter: null,
      lowerBoundBefore: b.peakIsLowerBound,
      lowerBoundAfter: false,
      verdictBefore: verdictOn(b, target),
      verdictAfter: null,
    });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function engineSide(s: SizingReport, id: string): EngineSide | null {
  const e = s.engines.find((x) => x.engine === id);
  if (!e) return null;
  const data = e.roles.find((r) => r.role === 'data');
  return {
    serverless: e.roles.every((r) => !r.dedicated),
    nodes: e.totalNodes,
    dataNodes: data?.count ?? 0,
    dataInstance: data?.instance ?? null,
    monthlyUsd: e.monthlyUsd,
  };
}

function databaseChanges(before: SizingReport, after: SizingReport): DatabaseChange[] {
  const ids = [...new Set([...before.engines.map((e) => e.engine), ...after.engines.map((e) => e.engine)])];
  return ids.map((id) => ({
    engine: id,
    name: engineName(id),
    before: engineSide(before, id),
    after: engineSide(after, id),
    recommendedBefore: before.recommendation?.engine === id,
    recommendedAfter: after.recommendation?.engine === id,
  }));
}

function storeWrites(side: Side, toNew: (p: string) => string): Array<StoreWriteChange & { key: string }> {
  return side.result.llm.flatMap((f) =>
    f.calls
      .filter((c) => c.store)
      .map((c) => {
        const s = c.store!;
        const text = side.textOf(f.path);
        // Keyed by the write's text, not its line: a write that only moved is not a change.
        return {
          status: 'added' as const,
          path: f.path,
          line: s.line,
          kind: s.kind,
          engine: s.engine,
          api: s.api,
          key: `${toNew(f.path)}\u0000${s.kind}\u0000${s.api}\u0000${text === null ? s.line : normalisedLines(text, s.line, s.line)}`,
        };
      }),
  );
}

function storeChanges(before: Side, after: Side, toNew: (p: string) => string): StoreWriteChange[] {
  const old = storeWrites(before, toNew);
  const now = storeWrites(after, (p) => p);
  const count = new Map<string, number>();
  for (const w of old) count.set(w.key, (count.get(w.key) ?? 0) + 1);
  const out: StoreWriteChange[] = [];
  for (const w of now) {
    const n = count.get(w.key) ?? 0;
    if (n > 0) count.set(w.key, n - 1);
    else out.push({ status: 'added', path: w.path, line: w.line, kind: w.kind, engine: w.engine, api: w.api });
  }
  const left = new Map(count);
  for (const w of old) {
    const n = left.get(w.key) ?? 0;
    if (n > 0) {
      left.set(w.key, n - 1);
      out.push({ status: 'removed', path: w.path, line: w.line, kind: w.kind, engine: w.engine, api: w.api });
    }
  }
  return out;
}

/** Scans BASE and HEAD and matches what changed; throws GitError with a clear message for a bad revision or repository. */
export async function diffRevisions(opts: DiffOptions): Promise<DiffReport> {
  if (opts.profile !== undefined && !PROFILE_NAMES.includes(opts.profile as ProfileName))
    throw new GitError(`profile must be low, medium or high, not '${opts.profile}'`);
  const root = resolve(opts.root);
  const top = git(root, ['rev-parse', '--show-toplevel']);
  // The scanned folder inside the repository ('' for the top).
  const sub = relative(top, root).split('\\').join('/');
  const baseRef = opts.base ?? `merge-base(HEAD, ${defaultBranch(top)})`;
  const baseCommit = opts.base ? resolveCommit(top, opts.base) : git(top, ['merge-base', 'HEAD', defaultBranch(top)]);
  const headCommit = opts.head ? resolveCommit(top, opts.head) : null;
  const baseTree = materialise(top, baseCommit);
  const headTree = headCommit ? materialise(top, headCommit) : null;
  try {
    const before = await scanSide(join(baseTree.dir, sub), opts);
    const after = await scanSide(headTree ? join(headTree.dir, sub) : root, opts);
    const inSub = (p: string) => (sub ? (p.startsWith(`${sub}/`) ? p.slice(sub.length + 1) : null) : p);
    const moved = renames(top, baseCommit, headCommit).flatMap((r) => {
      const from = inSub(r.from);
      const to = inSub(r.to);
      return from !== null && to !== null ? [{ from, to }] : [];
    });
    const renameMap = new Map(moved.map((r) => [r.from, r.to]));
    const toNew = (p: string) => renameMap.get(p) ?? p;

    const calls = matchCalls(callSides(before), callSides(after), toNew);
    const openaiBefore = before.sizing.llm.openaiMonthlyUsd;
    const openaiAfter = after.sizing.llm.openaiMonthlyUsd;

    const basePrints = new Set(fingerprintFindings(before.result.findings, { textOf: before.textOf, pathOf: toNew }));
    const headPrints = fingerprintFindings(after.result.findings, { textOf: after.textOf });
    const fresh: NewFinding[] = after.result.findings.flatMap((f, i) =>
      basePrints.has(headPrints[i]!)
        ? []
        : [
            {
              fingerprint: headPrints[i]!,
              ruleId: f.ruleId,
              severity: f.severity,
              message: f.message,
              path: f.path,
              line: f.range.startLine,
              column: f.range.startColumn,
            },
          ],
    );
    const headSet = new Set(headPrints);
    const fixed = [...basePrints].filter((p) => !headSet.has(p)).length;

    const notAnalysed = [
      ...before.result.skipped.filter((s) => s.failed).map((s) => ({ side: 'base' as const, path: s.path, reason: s.reason })),
      ...after.result.skipped.filter((s) => s.failed).map((s) => ({ side: 'head' as const, path: s.path, reason: s.reason })),
    ];
    const target = after.sizing.gpu.target;
    return {
      $schema: DIFF_SCHEMA_ID,
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      base: { ref: baseRef, commit: baseCommit },
      head: { ref: opts.head ?? 'working tree', commit: headCommit },
      profile: (opts.profile as ProfileName | undefined) ?? null,
      targetGpu: { id: target.id, name: target.name },
      renames: moved,
      calls,
      openai: { monthlyUsdBefore: openaiBefore, monthlyUsdAfter: openaiAfter, deltaUsd: openaiAfter - openaiBefore },
      gpu: gpuChanges(before, after, toNew).filter((g) => g.status !== 'unchanged'),
      databases: databaseChanges(before.sizing, after.sizing),
      stores: storeChanges(before, after, toNew),
      findings: { new: fresh, fixed },
      bill: {
        monthlyUsdBefore: before.sizing.bill.totalOnDemandUsd,
        monthlyUsdAfter: after.sizing.bill.totalOnDemandUsd,
        deltaUsd: after.sizing.bill.totalOnDemandUsd - before.sizing.bill.totalOnDemandUsd,
      },
      notAnalysed,
    };
  } finally {
    baseTree.dispose();
    headTree?.dispose();
  }
}
