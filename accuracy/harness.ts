// The accuracy harness (`npm run accuracy`): real repositories pinned by commit, labelled by reading their code, scanned
// with the analysis of this tree; findings are matched to labels and scored per rule, with the store facts of OpenAI call
// sites, the byte counts of fixed-size GPU allocations and each file's memory strategy. Only labels are committed: the
// repositories are extracted from local bare mirrors into a git-ignored folder, never fetched from the network here.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyze, type AnalysisResult } from '../src/core/analyze';
import { resolveConfig } from '../src/core/config';
import { RULES, RULE_IDS } from '../src/core/rules';
import type { Finding, MemoryStrategy, StoreKind } from '../src/core/model/types';

// ---- Inputs --------------------------------------------------------------------------------------------------------

export type Domain = 'gpu' | 'openai';

export interface RepoSpec {
  /** owner/name on GitHub (or `synthetic/<name>` for a committed local folder). */
  repo: string;
  /** 40-hex commit the labels were made at; unused for a local folder. */
  commit: string;
  /** Paths inside the repository that are scanned (and extracted); the labels cover every finding in them. */
  paths: string[];
  domain: Domain;
  /** A folder (relative to the corpus file) scanned as it is, instead of a mirror: the synthetic corpus. */
  local?: string;
  /** Why this repository and why these paths. */
  note?: string;
}

export interface Corpus {
  repos: RepoSpec[];
}

/** Where a label points. `anchor` is a hash of the trimmed line, so a label survives small line shifts. */
export interface LabelPlace {
  path: string;
  line: number;
  anchor?: string;
}

export type Verdict = 'tp' | 'fp' | 'todo';

export interface FindingLabel extends LabelPlace {
  rule: string;
  verdict: Verdict;
  why: string;
}

export interface MissedLabel extends LabelPlace {
  rule: string;
  why: string;
}

/** `ttl`: null = no expiry; a number = seconds; 'unknown' = an expiry is set but its value is not a constant. */
export type TtlLabel = number | null | 'unknown';

export interface CallSiteLabel extends LabelPlace {
  persisted: boolean | '?';
  store: StoreKind | null | '?';
  cacheFirst: boolean | '?';
  ttl: TtlLabel | '?';
  why?: string;
}

export interface AllocationLabel extends LabelPlace {
  /** Exact bytes of an allocation whose size is fixed at build time; null: known only at run time (not scored for
   * exactness, but the analysis should leave it unknown rather than guess). */
  bytes: number | null | '?';
  why?: string;
}

export interface FileStrategyLabel {
  path: string;
  strategy: MemoryStrategy | '?';
  why?: string;
}

export interface RepoLabels {
  repo: string;
  commit: string;
  labelledBy?: string;
  labelledOn?: string;
  findings: FindingLabel[];
  missed: MissedLabel[];
  callSites?: CallSiteLabel[];
  allocations?: AllocationLabel[];
  files?: FileStrategyLabel[];
}

// ---- Anchors -------------------------------------------------------------------------------------------------------

/** 12 hex digits of the SHA-1 of the trimmed line: identifies a line without committing its text. */
export function anchorOf(lineText: string): string {
  return createHash('sha1').update(lineText.trim()).digest('hex').slice(0, 12);
}

/** Lines of one scanned file (1-based access), read once. */
export class SourceLines {
  private readonly cache = new Map<string, string[] | null>();
  constructor(private readonly root: string) {}
  lines(path: string): string[] | null {
    let got = this.cache.get(path);
    if (got === undefined) {
      const abs = join(this.root, path);
      got = existsSync(abs) ? readFileSync(abs, 'utf8').split(/\r\n|\r|\n/) : null;
      this.cache.set(path, got);
    }
    return got;
  }
  text(path: string, line: number): string | null {
    return this.lines(path)?.[line - 1] ?? null;
  }
  anchor(path: string, line: number): string | null {
    const t = this.text(path, line);
    return t === null ? null : anchorOf(t);
  }
  /**
   * The line a label means today: its own line when the anchor still hashes there (or it has none), else the line
   * nearest to it whose text hashes to the anchor, else its own line.
   */
  locate(place: LabelPlace): number {
    if (!place.anchor || this.anchor(place.path, place.line) === place.anchor) return place.line;
    const lines = this.lines(place.path);
    if (!lines) return place.line;
    let best: number | null = null;
    for (let i = 0; i < lines.length; i++) {
      if (anchorOf(lines[i]!) !== place.anchor) continue;
      if (best === null || Math.abs(i + 1 - place.line) < Math.abs(best - place.line)) best = i + 1;
    }
    return best ?? place.line;
  }
}

// ---- Matching ------------------------------------------------------------------------------------------------------

/** Lines a finding may be reported away from its label (the call's first line vs its member's, a loop head). */
export const LINE_TOLERANCE = 2;

export interface MatchedFinding {
  finding: Finding;
  label: FindingLabel | MissedLabel | null;
  /** tp / fp from the label; a finding on a missed-problem label is a true positive found since. */
  verdict: 'tp' | 'fp' | 'unlabelled';
  how: 'line' | 'related' | 'none';
}

interface Positive {
  label: FindingLabel | MissedLabel;
  line: number;
  missedWhenLabelled: boolean;
  found: boolean;
}

export interface RuleScore {
  rule: string;
  findings: number;
  tp: number;
  fp: number;
  unlabelled: number;
  /** True problems labelled (tp labels + missed problems). */
  positives: number;
  positivesFound: number;
  precision: number | null;
  recall: number | null;
}

export interface FactScore {
  labelled: number;
  right: number;
  rate: number | null;
}

export interface CallSiteOutcome {
  path: string;
  line: number;
  found: boolean;
  persisted: boolean | null;
  store: boolean | null;
  cacheFirst: boolean | null;
  ttl: boolean | null;
  got: { persisted: boolean; store: StoreKind | null; cacheFirst: boolean; ttl: TtlLabel } | null;
  want: CallSiteLabel;
}

export interface AllocationOutcome {
  path: string;
  line: number;
  want: number | null;
  got: number | null;
  found: boolean;
  exact: boolean;
}

export interface StrategyOutcome {
  path: string;
  want: MemoryStrategy;
  got: MemoryStrategy;
  right: boolean;
}

export interface RepoEvaluation {
  repo: string;
  commit: string;
  domain: Domain;
  paths: string[];
  filesScanned: number;
  matched: MatchedFinding[];
  /** Every true problem labelled (tp labels and missed problems), and whether a finding reports it now. */
  positives: Array<{ rule: string; found: boolean }>;
  /** True problems no finding reports (missed labels still missed, tp labels no longer reported). */
  notFound: Array<{ rule: string; path: string; line: number; why: string; wasReported: boolean }>;
  callSites: CallSiteOutcome[];
  allocations: AllocationOutcome[];
  strategies: StrategyOutcome[];
  /** Labels still marked todo or '?': listed, not scored. */
  todo: number;
  skipped: Array<{ path: string; reason: string }>;
}

function byPathRule<T extends { path: string; rule: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = `${it.path}\u0000${it.rule}`;
    let arr = out.get(k);
    if (!arr) out.set(k, (arr = []));
    arr.push(it);
  }
  return out;
}

/** The candidate nearest to `line` within the tolerance, not yet taken. */
function nearest<T extends { line: number }>(cands: T[], line: number, taken: Set<T>): T | null {
  let best: T | null = null;
  for (const c of cands) {
    if (taken.has(c) || Math.abs(c.line - line) > LINE_TOLERANCE) continue;
    if (!best || Math.abs(c.line - line) < Math.abs(best.line - line)) best = c;
  }
  return best;
}

const ttlOf = (t: { seconds: number | null } | null): TtlLabel => (t === null ? null : t.seconds === null ? 'unknown' : t.seconds);

/** Scores one repository's analysis against its labels. `src` reads the scanned tree (for anchors). */
export function evaluateRepo(spec: RepoSpec, labels: RepoLabels, result: AnalysisResult, src: SourceLines): RepoEvaluation {
  let todo = 0;
  // Label lines as they are today (anchors), and which rules' labels are usable.
  type Placed = { label: FindingLabel | MissedLabel; line: number; verdict: 'tp' | 'fp'; missed: boolean; path: string; rule: string };
  const placed: Placed[] = [];
  for (const l of labels.findings) {
    if (l.verdict === 'todo') { todo++; continue; }
    placed.push({ label: l, line: src.locate(l), verdict: l.verdict, missed: false, path: l.path, rule: l.rule });
  }
  for (const m of labels.missed) placed.push({ label: m, line: src.locate(m), verdict: 'tp', missed: true, path: m.path, rule: m.rule });
  const index = byPathRule(placed);
  const taken = new Set<Placed>();
  const positives = new Map<Placed, Positive>();
  for (const p of placed) if (p.verdict === 'tp') positives.set(p, { label: p.label, line: p.line, missedWhenLabelled: p.missed, found: false });

  const findings = [...result.findings].sort((a, b) => a.path.localeCompare(b.path) || a.range.startLine - b.range.startLine || a.ruleId.localeCompare(b.ruleId));
  const matched: MatchedFinding[] = [];
  // Each finding takes the nearest free label on its own line (one label per finding). A finding that gathers several
  // places (one per function, with related locations) also covers the labels at those places: it is true when any
  // labelled place it names is a true problem, and it finds every true problem it names.
  const primary = new Map<Finding, Placed | null>();
  for (const f of findings) {
    const hit = nearest(index.get(`${f.path}\u0000${f.ruleId}`) ?? [], f.range.startLine, taken);
    if (hit) taken.add(hit);
    primary.set(f, hit);
  }
  for (const f of findings) {
    const cands = index.get(`${f.path}\u0000${f.ruleId}`) ?? [];
    const own = primary.get(f) ?? null;
    const viaRelated = (f.related ?? []).flatMap((r) => cands.filter((c) => c !== own && Math.abs(c.line - r.range.startLine) <= LINE_TOLERANCE));
    const places = own ? [own, ...viaRelated] : viaRelated;
    for (const c of places) { const pos = positives.get(c); if (pos) pos.found = true; }
    const pick = places.find((c) => c.verdict === 'tp') ?? places[0] ?? null;
    matched.push(pick ? { finding: f, label: pick.label, verdict: pick.verdict, how: pick === own ? 'line' : 'related' } : { finding: f, label: null, verdict: 'unlabelled', how: 'none' });
  }
  const notFound: RepoEvaluation['notFound'] = [];
  for (const [p, pos] of positives) if (!pos.found) notFound.push({ rule: p.rule, path: p.path, line: p.line, why: p.label.why, wasReported: !pos.missedWhenLabelled });

  // OpenAI call sites: the analysis's call summary nearest the label.
  const llmByPath = new Map(result.llm.map((s) => [s.path, s]));
  const callSites: CallSiteOutcome[] = [];
  for (const want of labels.callSites ?? []) {
    if (want.persisted === '?' || want.store === '?' || want.cacheFirst === '?' || want.ttl === '?') { todo++; continue; }
    const line = src.locate(want);
    const calls = llmByPath.get(want.path)?.calls ?? [];
    const got = nearest(calls, line, new Set());
    if (!got) {
      callSites.push({ path: want.path, line, found: false, persisted: false, store: false, cacheFirst: false, ttl: false, got: null, want });
      continue;
    }
    const g = { persisted: got.persisted, store: got.store?.kind ?? null, cacheFirst: got.cacheBeforeCall, ttl: ttlOf(got.ttl) };
    callSites.push({ path: want.path, line, found: true, persisted: g.persisted === want.persisted, store: g.store === want.store, cacheFirst: g.cacheFirst === want.cacheFirst, ttl: g.ttl === want.ttl, got: g, want });
  }

  // GPU allocations of a build-time size: exact bytes.
  const gpuByPath = new Map(result.gpu.map((s) => [s.path, s]));
  const allocations: AllocationOutcome[] = [];
  for (const want of labels.allocations ?? []) {
    if (want.bytes === '?') { todo++; continue; }
    const line = src.locate(want);
    const got = nearest(gpuByPath.get(want.path)?.allocations ?? [], line, new Set());
    allocations.push({ path: want.path, line, want: want.bytes, got: got?.bytes ?? null, found: !!got, exact: !!got && got.bytes === want.bytes });
  }
  const strategies: StrategyOutcome[] = [];
  for (const want of labels.files ?? []) {
    if (want.strategy === '?') { todo++; continue; }
    const got = gpuByPath.get(want.path)?.strategy ?? 'none';
    strategies.push({ path: want.path, want: want.strategy, got, right: got === want.strategy });
  }
  const scanned = result.files.filter((f) => !f.skipped && !f.prefiltered).length;
  const positiveList = [...positives.entries()].map(([p, pos]) => ({ rule: p.rule, found: pos.found }));
  return { repo: spec.repo, commit: spec.commit, domain: spec.domain, paths: spec.paths, filesScanned: scanned, matched, positives: positiveList, notFound, callSites, allocations, strategies, todo, skipped: result.skipped };
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** Per rule, over any set of evaluated repositories. */
export function scoreRules(evals: RepoEvaluation[]): RuleScore[] {
  const rules = new Map<string, RuleScore>();
  const get = (rule: string) => {
    let s = rules.get(rule);
    if (!s) rules.set(rule, (s = { rule, findings: 0, tp: 0, fp: 0, unlabelled: 0, positives: 0, positivesFound: 0, precision: null, recall: null }));
    return s;
  };
  for (const e of evals) {
    for (const m of e.matched) {
      const s = get(m.finding.ruleId);
      s.findings++;
      if (m.verdict === 'tp') s.tp++;
      else if (m.verdict === 'fp') s.fp++;
      else s.unlabelled++;
    }
    for (const p of e.positives) {
      const s = get(p.rule);
      s.positives++;
      if (p.found) s.positivesFound++;
    }
  }
  for (const s of rules.values()) {
    s.precision = ratio(s.tp, s.tp + s.fp);
    s.recall = ratio(s.positivesFound, s.positives);
  }
  return [...rules.values()].sort((a, b) => a.rule.localeCompare(b.rule));
}

export interface FactScores {
  callSitesFound: FactScore;
  persisted: FactScore;
  store: FactScore;
  cacheFirst: FactScore;
  ttl: FactScore;
  /** All four facts right at once. */
  allFour: FactScore;
  bytesExact: FactScore;
  /** Allocations sized at run time for which the analysis gives no number (it should not guess). */
  runtimeLeftUnknown: FactScore;
  strategy: FactScore;
}

export function scoreFacts(evals: RepoEvaluation[]): FactScores {
  const score = (items: boolean[]): FactScore => ({ labelled: items.length, right: items.filter(Boolean).length, rate: ratio(items.filter(Boolean).length, items.length) });
  const cs = evals.flatMap((e) => e.callSites);
  return {
    callSitesFound: score(cs.map((c) => c.found)),
    persisted: score(cs.map((c) => !!c.persisted)),
    store: score(cs.map((c) => !!c.store)),
    cacheFirst: score(cs.map((c) => !!c.cacheFirst)),
    ttl: score(cs.map((c) => !!c.ttl)),
    allFour: score(cs.map((c) => !!(c.persisted && c.store && c.cacheFirst && c.ttl))),
    bytesExact: score(evals.flatMap((e) => e.allocations.filter((a) => a.want !== null).map((a) => a.exact))),
    runtimeLeftUnknown: score(evals.flatMap((e) => e.allocations.filter((a) => a.want === null && a.found).map((a) => a.got === null))),
    strategy: score(evals.flatMap((e) => e.strategies.map((s) => s.right))),
  };
}

// ---- Corpus on disk ------------------------------------------------------------------------------------------------

export const labelFileName = (repo: string) => `${repo.replace('/', '__')}.json`;

export function readCorpus(file: string): Corpus {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Corpus;
  if (!Array.isArray(raw.repos)) throw new Error(`${file}: "repos" must be an array`);
  for (const r of raw.repos) {
    if (!/^[\w.-]+\/[\w.-]+$/.test(r.repo)) throw new Error(`${file}: bad repo '${r.repo}' (owner/name)`);
    if (!r.local && !/^[0-9a-f]{40}$/.test(r.commit)) throw new Error(`${file}: ${r.repo}: commit must be 40 hex digits`);
    if (r.domain !== 'gpu' && r.domain !== 'openai') throw new Error(`${file}: ${r.repo}: domain must be gpu or openai`);
    if (!Array.isArray(r.paths) || r.paths.length === 0) throw new Error(`${file}: ${r.repo}: paths must list what is scanned`);
  }
  return raw;
}

export function readLabels(file: string, spec: RepoSpec): RepoLabels {
  if (!existsSync(file)) return { repo: spec.repo, commit: spec.commit, findings: [], missed: [] };
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RepoLabels;
  if (raw.repo !== spec.repo) throw new Error(`${file}: labels are for ${raw.repo}, not ${spec.repo}`);
  if (!spec.local && raw.commit !== spec.commit) throw new Error(`${file}: labels were made at ${raw.commit}, the corpus pins ${spec.commit}; re-label or re-pin`);
  raw.findings ??= [];
  raw.missed ??= [];
  for (const l of raw.findings) {
    if (!RULE_IDS.includes(l.rule)) throw new Error(`${file}: unknown rule '${l.rule}' at ${l.path}:${l.line}`);
    if (l.verdict !== 'tp' && l.verdict !== 'fp' && l.verdict !== 'todo') throw new Error(`${file}: verdict must be tp, fp or todo at ${l.path}:${l.line}`);
  }
  return raw;
}

/** The mirror's git dir: `<mirrors>/<owner>+<name>/repo` (what the fetch tool makes) or `<mirrors>/<owner>+<name>`. */
export function mirrorGitDir(mirrors: string, repo: string): string | null {
  const base = join(mirrors, repo.replace('/', '+'));
  for (const d of [join(base, 'repo'), base]) if (existsSync(join(d, 'HEAD'))) return d;
  return null;
}

/**
 * Extracts the pinned commit's scanned paths into `<work>/<owner>__<name>` with `git archive | tar -x`, once: a stamp
 * file records the commit and paths, so a re-run reuses the tree. Returns null (with the reason) when no mirror has it.
 */
export function materialise(spec: RepoSpec, mirrors: string, work: string): { dir: string } | { missing: string } {
  const dir = join(work, spec.repo.replace('/', '__'));
  const stamp = join(dir, '.accuracy-stamp');
  const want = JSON.stringify({ commit: spec.commit, paths: spec.paths });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return { dir };
  const git = mirrorGitDir(mirrors, spec.repo);
  if (!git) return { missing: `no mirror of ${spec.repo} under ${mirrors} (a bare clone of github.com/${spec.repo} at ${join(mirrors, spec.repo.replace('/', '+'), 'repo')} brings it)` };
  const has = spawnSync('git', ['--git-dir', git, 'cat-file', '-e', `${spec.commit}^{commit}`]);
  if (has.status !== 0) return { missing: `the mirror of ${spec.repo} lacks commit ${spec.commit}` };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['--git-dir', git, 'archive', '--format=tar', spec.commit, '--', ...spec.paths], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  writeFileSync(stamp, want);
  return { dir };
}

/** Every rule on: a rule that is off by default is run at `info`, so its precision is measured too. */
export function allRulesConfig() {
  const rules: Record<string, 'info'> = {};
  for (const r of RULES) if ((r.meta.defaultSeverity as string) === 'off') rules[r.meta.id] = 'info';
  return resolveConfig({ rules, respectGitignore: false }, RULE_IDS);
}

export interface RunOptions {
  corpusFile: string;
  labelsDir: string;
  mirrors: string;
  work: string;
  only?: string[];
  log?: (s: string) => void;
}

export interface ScannedRepo {
  spec: RepoSpec;
  dir: string;
  labelsFile: string;
  labels: RepoLabels;
  result: AnalysisResult;
  evaluation: RepoEvaluation;
}

export interface RunOutcome {
  scanned: ScannedRepo[];
  evaluations: RepoEvaluation[];
  missing: Array<{ repo: string; reason: string }>;
  rules: RuleScore[];
  facts: FactScores;
  durationMs: number;
}

export async function runAccuracy(opts: RunOptions): Promise<RunOutcome> {
  const started = performance.now();
  const corpus = readCorpus(opts.corpusFile);
  const base = dirname(resolve(opts.corpusFile));
  const evaluations: RepoEvaluation[] = [];
  const scanned: ScannedRepo[] = [];
  const missing: RunOutcome['missing'] = [];
  const loaded = allRulesConfig();
  for (const spec of corpus.repos) {
    if (opts.only && !opts.only.includes(spec.repo)) continue;
    let dir: string;
    if (spec.local) dir = resolve(base, spec.local);
    else {
      const got = materialise(spec, opts.mirrors, opts.work);
      if ('missing' in got) { missing.push({ repo: spec.repo, reason: got.missing }); continue; }
      dir = got.dir;
    }
    const labelsFile = join(opts.labelsDir, labelFileName(spec.repo));
    const labels = readLabels(labelsFile, spec);
    const result = await analyze({ root: dir, paths: spec.paths, config: loaded });
    const evaluation = evaluateRepo(spec, labels, result, new SourceLines(dir));
    evaluations.push(evaluation);
    scanned.push({ spec, dir, labelsFile, labels, result, evaluation });
    opts.log?.(`${spec.repo}: ${result.findings.length} findings in ${evaluation.filesScanned} files`);
  }
  return { scanned, evaluations, missing, rules: scoreRules(evaluations), facts: scoreFacts(evaluations), durationMs: performance.now() - started };
}


/**
 * Adds a `todo` label for every finding, call site, allocation and GPU file of the scan that no label covers, so the
 * labeller fills in verdicts instead of copying positions. Stubs carry no verdict or fact from the analysis.
 */
export function addStubs(s: ScannedRepo): { added: number; labels: RepoLabels } {
  const src = new SourceLines(s.dir);
  const labels: RepoLabels = { ...s.labels, repo: s.spec.repo, commit: s.spec.commit, findings: [...s.labels.findings], missed: [...s.labels.missed] };
  let added = 0;
  // One todo per unlabelled finding: two findings of a rule on one line get two (todo labels are not matched, so the
  // ones a previous run added are counted, not added again).
  const todoKey = (path: string, rule: string, line: number) => `${path}\u0000${rule}\u0000${line}`;
  const todos = new Map<string, number>();
  for (const l of labels.findings) if (l.verdict === 'todo') todos.set(todoKey(l.path, l.rule, l.line), (todos.get(todoKey(l.path, l.rule, l.line)) ?? 0) + 1);
  for (const m of s.evaluation.matched) {
    if (m.verdict !== 'unlabelled') continue;
    const line = m.finding.range.startLine;
    const k = todoKey(m.finding.path, m.finding.ruleId, line);
    if ((todos.get(k) ?? 0) > 0) { todos.set(k, todos.get(k)! - 1); continue; }
    labels.findings.push({ path: m.finding.path, line, anchor: src.anchor(m.finding.path, line) ?? undefined, rule: m.finding.ruleId, verdict: 'todo', why: '' });
    added++;
  }
  const near = (places: LabelPlace[] | undefined, path: string, line: number) => (places ?? []).some((p) => p.path === path && src.locate(p) === line);
  for (const file of s.result.llm) {
    for (const c of file.calls) {
      if (near(labels.callSites, file.path, c.line)) continue;
      (labels.callSites ??= []).push({ path: file.path, line: c.line, anchor: src.anchor(file.path, c.line) ?? undefined, persisted: '?', store: '?', cacheFirst: '?', ttl: '?', why: '' });
      added++;
    }
  }
  for (const file of s.result.gpu) {
    for (const a of file.allocations) {
      if (near(labels.allocations, file.path, a.line)) continue;
      (labels.allocations ??= []).push({ path: file.path, line: a.line, anchor: src.anchor(file.path, a.line) ?? undefined, bytes: '?', why: '' });
      added++;
    }
    if (!(labels.files ?? []).some((f) => f.path === file.path)) {
      (labels.files ??= []).push({ path: file.path, strategy: '?', why: '' });
      added++;
    }
  }
  const order = (a: LabelPlace, b: LabelPlace) => a.path.localeCompare(b.path) || a.line - b.line;
  labels.findings.sort((a, b) => order(a, b) || a.rule.localeCompare(b.rule));
  labels.callSites?.sort(order);
  labels.allocations?.sort(order);
  labels.files?.sort((a, b) => a.path.localeCompare(b.path));
  return { added, labels };
}
