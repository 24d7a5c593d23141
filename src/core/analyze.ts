// The one entry point: files + config -> AnalysisResult. Every surface (CLI, language server, tests) calls this
// and renders what it returns; nothing downstream re-derives facts.
import { dirname, resolve, sep } from 'node:path';
import pkg from '../../package.json';
import type { AdvisorConfig, ConfigProblem, LoadedConfig } from './config';
import { resolveConfig } from './config';
import type { FileEntry, Finding, GpuFileFacts, GpuFileSummary, Language, LlmFileFacts, LlmFileSummary, SkippedFile } from './model/types';
import { SEVERITY_ORDER } from './model/types';
import { BINARY_REASON, discoverFiles, isBinary, type DiscoveredFile } from './files/discover';
import { readBounded } from './files/read';
import { analyseInWorkers, workerCount, type FileOutcome } from './scan-pool';
import { AI_SDK_IMPORT, looksMinified, mayBeRelevant } from './files/prefilter';
import { deleteTree, discardTreeSitterRuntime, initTreeSitter, isWasmTrap, parseSource, withCExpression, grammarFor } from './parse/tree-sitter';
import { Budget, BudgetExceeded, checkBudget, DEFAULT_ANALYSIS_TIMEOUT_SECONDS, within } from './budget';
import type { DocumentCache } from './document-cache';
import { parseJsTs } from './parse/typescript-estree';
import { extractCGpuFacts } from './facts/c-gpu';
import { readProjectIncludes } from './facts/c-includes';
import { extractPyGpuFacts } from './facts/py-gpu';
import { summariseGpuFile } from './facts/memory';
import { checkedBySiblingCallers, withCheckedLaunchers } from './facts/c-callers';
import { extractJsLlmFacts } from './facts/llm-js';
import { extractPyLlmFacts } from './facts/llm-py';
import { summariseLlmFile } from './sizing/llm-estimate';
import { loadTokenizers } from './facts/llm-tokens';
import { RULES, RULE_IDS } from './rules';
import { runRule, type GpuRule, type GpuRuleContext, type LlmRule, type LlmRuleContext, type RuleMeta } from './rules/rule';
import { type Suppressions, applySuppressions, readJsSuppressions, readSuppressions, unknownSuppressionWarnings } from './suppressions';
import type { GpuSpec } from './sizing/gpu-catalog';
import { Project, projectImportsJs, projectImportsPy, type ProjectView } from './project/project';

export const TOOL_NAME = 'ai-infra-advisor';
export const TOOL_VERSION: string = pkg.version;

export interface AnalysisResult {
  tool: { name: string; version: string };
  root: string;
  config: AdvisorConfig;
  configSource: string | null;
  configProblems: ConfigProblem[];
  targetGpu: GpuSpec;
  files: FileEntry[];
  skipped: SkippedFile[];
  findings: Finding[];
  gpu: GpuFileSummary[];
  llm: LlmFileSummary[];
  /** Type sizes the folding assumed, across files (LP64). */
  assumedTypeSizes: Record<string, number>;
  stats: { filesConsidered: number; filesParsed: number; bytesRead: number; durationMs: number };
}

export interface AnalyzeInput {
  root: string;
  paths?: string[];
  config?: LoadedConfig;
  /** Checked between files: a cancelled scan returns what it has. */
  signal?: AbortSignal;
  /**
   * Awaited after each file with the count done and the total. The language server yields to its event loop here,
   * so edits, hovers and the cancel message of an open document are served while a workspace scan runs.
   */
  afterFile?: (done: number, total: number) => void | Promise<void>;
  /**
   * Worker threads for the files (1: this thread only, the default; 0: one per core, at most 4). Small scans stay on
   * this thread whatever is asked (scan-pool.ts MIN_FILES_PER_WORKER).
   */
  workers?: number;
}

export interface FileAnalysis {
  entry: FileEntry;
  findings: Finding[];
  facts: GpuFileFacts | null;
  gpu: GpuFileSummary | null;
  llmFacts: LlmFileFacts | null;
  llm: LlmFileSummary | null;
  /** Absolute paths of the project files whose summaries this analysis used (the language server re-analyses on their change). */
  dependsOn?: string[];
}

/** Where a document is on disk: its `#include "…"` headers are read relative to it, inside `root`. */
export interface SourceLocation {
  absolutePath: string;
  root: string;
}

const LLM_LANGUAGES: ReadonlySet<Language> = new Set(['python', 'javascript', 'typescript']);
/** Worth loading the tokenizers for: an OpenAI client, LangChain, the AI SDK, the API host, or a key. */
const LLM_HINT = new RegExp(
  String.raw`openai|OpenAI|langchain|ai-sdk|anthropic|genai|bedrock-runtime|litellm|\bsk-[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35}|api_?key|\.(?:chat\.completions|embeddings|responses)\.create\b|${AI_SDK_IMPORT}`,
  'i',
);
/**
 * Worth a project view (summaries of the files it imports): a file that may hold an OpenAI call site. A key or an
 * `api_key` name alone (secrets are found without it) does not pay for parsing what the file imports.
 */
const PROJECT_HINT = new RegExp(
  String.raw`openai|langchain|ai-sdk|anthropic|genai|bedrock-runtime|litellm|\.(?:chat\.completions|embeddings|responses)\.create\b|${AI_SDK_IMPORT}`,
  'i',
);

/**
 * Analyses one document's text (the editor's path, and the tests'): never throws for bad input. With `reuse`, the
 * document's previous tree is re-parsed incrementally, the facts of unchanged C-family functions are reused, and both are
 * kept for the next edit.
 */
export async function analyzeText(
  path: string,
  text: string,
  language: Language,
  loaded: LoadedConfig,
  reuse?: { cache: DocumentCache; key: string },
  source?: SourceLocation,
  project?: Project,
): Promise<FileAnalysis> {
  const entry: FileEntry = { path, language, bytes: Buffer.byteLength(text) };
  const none = { facts: null, gpu: null, llmFacts: null, llm: null };
  if (!mayBeRelevant(text, language)) return { entry: { ...entry, prefiltered: true }, findings: [], ...none };
  const minified = language === 'javascript' || language === 'typescript' ? looksMinified(path, text) : null;
  if (minified) return { entry: { ...entry, skipped: minified }, findings: [], ...none };
  const budget = new Budget(loaded.config.analysisTimeoutSeconds ?? DEFAULT_ANALYSIS_TIMEOUT_SECONDS);
  try {
    const wantsLlm = LLM_LANGUAGES.has(language) && LLM_HINT.test(text);
    if (wantsLlm) await loadTokenizers();
    if (grammarFor(language)) {
      const parsed = await parseSource(text, language, reuse?.cache.get(reuse.key), budget);
      try {
        const headers =
          language !== 'python' && source
            ? await readProjectIncludes(source.absolutePath, text, {
                root: source.root,
                includeDirs: loaded.config.includeDirs,
                configDir: loaded.source ? dirname(loaded.source) : null,
              })
            : null;
        // The project view (summaries of imported files) is read before the budgeted synchronous part.
        const view =
          wantsLlm && project && PROJECT_HINT.test(text)
            ? await project.viewPy(project.absolute(path), projectImportsPy(parsed.tree.rootNode))
            : null;
        const firstLlm = view
          ? await extractWithView(view, project!, path, 'py', () => within(budget, () => extractPyLlmFacts(parsed, path, view.lookup)))
          : null;
        // Synchronous from here on, under the file's time budget (budget.ts lists where it is checked).
        let facts = within(budget, () =>
          language === 'python'
            ? extractPyGpuFacts(parsed, path)
            : extractCGpuFacts(parsed, path, language, withCExpression, reuse?.cache.factsFor(reuse.key), headers),
        );
        // Launchers this file never calls: their callers in the files beside it decide whether the launch is checked.
        const launchers = [...new Set(facts.apiCalls.flatMap((c) => (c.launcher && !c.checked ? [c.launcher] : [])))];
        const siblings =
          launchers.length && source
            ? await checkedBySiblingCallers(source.absolutePath, launchers, {
                root: source.root,
                includeDirs: loaded.config.includeDirs,
                configDir: loaded.source ? dirname(loaded.source) : null,
              })
            : null;
        if (siblings) facts = withCheckedLaunchers(facts, siblings.checked);
        const siblingDeps = siblings?.files.length ? siblings.files : [];
        return within(budget, (): FileAnalysis => {
          if (parsed.errorCount) entry.parseErrors = parsed.errorCount;
          const hasGpu = facts.events.length > 0 || facts.apiCalls.length > 0 || facts.kernels.length > 0;
          checkBudget();
          const llmFacts = wantsLlm ? (firstLlm ?? extractPyLlmFacts(parsed, path, view?.lookup)) : null;
          const hasLlm = !!llmFacts && (llmFacts.calls.length > 0 || llmFacts.clients.length > 0 || llmFacts.secrets.length > 0);
          const suppressions = readSuppressions(parsed.tree.rootNode, parsed.text);
          noteUnknownSuppressions(entry, suppressions);
          if (!hasGpu && !hasLlm) return { entry, findings: [], facts, gpu: null, llmFacts: null, llm: null };
          checkBudget();
          const gpu = hasGpu ? summariseGpuFile(facts) : null;
          const llm = hasLlm ? summariseLlmFile(llmFacts!) : null;
          const findings = [
            ...(gpu ? runGpuRules(facts, gpu, loaded, text, entry) : []),
            ...(llm ? runLlmRules(llmFacts!, llm, loaded, text, entry) : []),
          ];
          return {
            entry,
            findings: applySuppressions(findings, suppressions),
            facts,
            gpu,
            llmFacts: hasLlm ? llmFacts : null,
            llm,
            ...deps(view, siblingDeps),
          };
        });
      } finally {
        if (reuse) reuse.cache.set(reuse.key, parsed);
        else deleteTree(parsed.tree);
      }
    }
    const js = within(budget, () => parseJsTs(text, path, language));
    if (js.error) entry.parseErrors = 1;
    if (!js.program || !wantsLlm) return { entry, findings: [], ...none };
    const program = js.program;
    // The project view (summaries of imported files) is read before the budgeted synchronous part.
    const view = project && PROJECT_HINT.test(text) ? await project.viewJs(project.absolute(path), projectImportsJs(program)) : null;
    const firstLlm = view
      ? await extractWithView(view, project!, path, 'js', () => within(budget, () => extractJsLlmFacts(program, text, path, language, view.lookup)))
      : null;
    return within(budget, (): FileAnalysis => {
      const suppressions = readJsSuppressions(js.comments, text);
      noteUnknownSuppressions(entry, suppressions);
      const llmFacts = firstLlm ?? extractJsLlmFacts(program, text, path, language, view?.lookup);
      if (!llmFacts.calls.length && !llmFacts.clients.length && !llmFacts.secrets.length) return { entry, findings: [], ...none, ...deps(view) };
      checkBudget();
      const llm = summariseLlmFile(llmFacts);
      const findings = applySuppressions(runLlmRules(llmFacts, llm, loaded, text, entry), suppressions);
      return { entry, findings, facts: null, gpu: null, llmFacts, llm, ...deps(view) };
    });
  } catch (err) {
    // A half-done incremental parse may have edited the kept tree: start the next one afresh.
    reuse?.cache.delete(reuse.key);
    // A trap leaves the WASM instance suspect: the next file gets a fresh one (tree-sitter.ts), so this file's
    // failure is its own.
    const trap = isWasmTrap(err);
    if (trap) discardTreeSitterRuntime();
    const reason =
      err instanceof BudgetExceeded
        ? err.message
        : trap
          ? `analysis failed: the parser trapped (${(err as Error).name}: ${(err as Error).message.slice(0, 200)}); later files use a fresh parser`
          : `analysis failed: ${(err as Error).message}`;
    return { entry: { ...entry, skipped: reason, failed: true }, findings: [], ...none };
  }
}

function noteUnknownSuppressions(entry: FileEntry, suppressions: Suppressions): void {
  const warnings = unknownSuppressionWarnings(suppressions);
  if (warnings.length) entry.warnings = [...(entry.warnings ?? []), ...warnings];
}

/** Extractions over a project view, at most this many: each may ask for summaries (or callers) the last did not have. */
const MAX_VIEW_EXTRACTIONS = 3;

/**
 * Extracts over a view that loads summaries on demand: an extraction notes the imported names and the callers of its
 * functions it asked for and did not find loaded; they are loaded and the file extracted again, until nothing new is
 * asked. Most files settle in one or two extractions (the language server preloads what the last view of the file
 * loaded, so an edit re-extracts once).
 */
async function extractWithView<T>(view: ProjectView, project: Project, path: string, lang: 'js' | 'py', extract: () => T): Promise<T> {
  let facts = extract();
  for (let n = 1; n < MAX_VIEW_EXTRACTIONS; n++) {
    const summaries = await view.loadAsked();
    const callers = await project.loadCallers(view, project.absolute(path), lang);
    if (!summaries && !callers) break;
    facts = extract();
  }
  return facts;
}

function deps(view: ProjectView | null, files: readonly string[] = []): { dependsOn?: string[] } {
  const all = [...(view?.dependsOn ?? []), ...files];
  return all.length ? { dependsOn: all } : {};
}

/** A scan worker's project model (one per scan root; a worker lives for one scan, so what it read stays true). */
const workerProjects = new Map<string, Project>();
function projectOf(root: string): Project {
  let p = workerProjects.get(root);
  if (!p) workerProjects.set(root, (p = new Project(root)));
  return p;
}

/** Reads and analyses one file of a scan; an unreadable file is an entry with the reason (never throws). */
export async function analyseFile(
  file: Pick<DiscoveredFile, 'path' | 'absolutePath' | 'language' | 'confineTo' | 'projectRoot'>,
  loaded: LoadedConfig,
  project?: Project,
): Promise<FileOutcome> {
  const skip = (reason: string, failed: boolean, bytesRead = 0): FileOutcome => ({
    entry: { path: file.path, language: file.language, skipped: reason, ...(failed ? { failed } : {}) },
    findings: [],
    gpu: null,
    llm: null,
    assumedTypeSizes: null,
    bytesRead,
  });
  // Opened once, checked on the open descriptor, read up to the size limit (files/read.ts).
  const read = readBounded(file.absolutePath, loaded.config.maxFileBytes, file.confineTo ?? null);
  if ('reason' in read) return skip(read.reason, read.failed);
  const bytes = read.bytes;
  if (isBinary(bytes.subarray(0, 8192))) return skip(BINARY_REASON, false, bytes.length);
  const text = bytes.toString('utf8');
  // The scan root: project headers and imports are resolved inside it (and compile_commands.json is looked for there);
  // for a file outside it, the folder the command line named.
  const native = file.path.split('/').join(sep);
  const root = file.projectRoot
    ? file.projectRoot
    : file.absolutePath.endsWith(native)
      ? file.absolutePath.slice(0, file.absolutePath.length - native.length) || sep
      : dirname(file.absolutePath);
  const r = await analyzeText(
    file.path,
    text,
    file.language,
    loaded,
    undefined,
    { absolutePath: file.absolutePath, root },
    project ?? projectOf(root),
  );
  return {
    entry: r.entry,
    findings: r.findings,
    gpu: r.gpu,
    llm: r.llm,
    assumedTypeSizes: r.facts?.assumedTypeSizes ?? null,
    bytesRead: bytes.length,
  };
}

/** Runs the enabled rules of one kind; a rule that throws is recorded on the file and the other rules still run. */
function runEnabled<C extends GpuRuleContext | LlmRuleContext>(
  rules: ReadonlyArray<{ meta: RuleMeta; check(ctx: C): void }>,
  base: Omit<C, 'report'>,
  loaded: LoadedConfig,
  entry: FileEntry,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = loaded.config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    checkBudget();
    try {
      findings.push(...runRule(rule, base, setting));
    } catch (err) {
      if (err instanceof BudgetExceeded) throw err;
      (entry.ruleErrors ??= []).push(`${rule.meta.id}: ${(err as Error).message}`);
    }
  }
  return findings;
}

const GPU_RULES = RULES.filter((r): r is GpuRule => r.meta.category !== 'llm');
const LLM_RULES = RULES.filter((r): r is LlmRule => r.meta.category === 'llm');

function runGpuRules(facts: GpuFileFacts, summary: GpuFileSummary, loaded: LoadedConfig, text: string, entry: FileEntry): Finding[] {
  return runEnabled<GpuRuleContext>(GPU_RULES, { path: facts.path, facts, summary, config: loaded.config, gpu: loaded.gpu, text }, loaded, entry);
}

function runLlmRules(llm: LlmFileFacts, summary: LlmFileSummary, loaded: LoadedConfig, text: string, entry: FileEntry): Finding[] {
  return runEnabled<LlmRuleContext>(LLM_RULES, { path: llm.path, llm, summary, config: loaded.config, gpu: loaded.gpu, text }, loaded, entry);
}

export async function analyze(input: AnalyzeInput): Promise<AnalysisResult> {
  const started = performance.now();
  const root = resolve(input.root);
  const loaded = input.config ?? resolveConfig(undefined, RULE_IDS);
  await initTreeSitter();
  const discovered = await discoverFiles({
    root,
    paths: input.paths,
    include: loaded.config.include,
    exclude: loaded.config.exclude,
    respectGitignore: loaded.config.respectGitignore,
    maxFileBytes: loaded.config.maxFileBytes,
    followLinksOutsideRoot: loaded.config.followLinksOutsideRoot,
  });
  const files: FileEntry[] = discovered.skipped.map((s) => ({
    path: s.path,
    language: s.language,
    skipped: s.reason,
    ...(s.failed ? { failed: true } : {}),
  }));
  const skipped: SkippedFile[] = discovered.skipped.map((s) => ({ path: s.path, reason: s.reason, ...(s.failed ? { failed: true } : {}) }));
  for (const m of discovered.missing) skipped.push({ path: m, reason: 'no such file or folder' });
  const total = discovered.files.length;
  // Outcomes by file index, gathered in index order below: the result is the same whichever thread analysed a file.
  const outcomes: Array<FileOutcome | undefined> = new Array(total);
  let done = 0;
  const record = async (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    done++;
    if (done < total) await input.afterFile?.(done, total);
  };
  const workers = workerCount(input.workers ?? 1, total);
  let rest: number[] = discovered.files.map((_, i) => i);
  // Imported helpers' summaries are made on first use and kept for the scan (each worker keeps its own).
  const project = new Project(root);
  if (workers > 1) rest = (await analyseInWorkers(discovered.files, loaded, workers, record, input.signal)).notDone;
  // One thread, or what the workers left: a file a dead worker held is analysed here.
  for (const index of rest) {
    if (input.signal?.aborted) break;
    const file = discovered.files[index]!;
    await record(index, await analyseFile(file, loaded, file.projectRoot ? undefined : project));
  }
  const findings: Finding[] = [];
  const gpu: GpuFileSummary[] = [];
  const llm: LlmFileSummary[] = [];
  const assumedTypeSizes: Record<string, number> = {};
  let bytesRead = 0;
  let filesParsed = 0;
  for (const [index, file] of discovered.files.entries()) {
    const o = outcomes[index];
    if (!o) {
      skipped.push({ path: file.path, reason: 'scan cancelled', failed: true });
      continue;
    }
    bytesRead += o.bytesRead;
    files.push(o.entry);
    if (o.entry.skipped) skipped.push({ path: file.path, reason: o.entry.skipped, ...(o.entry.failed ? { failed: true } : {}) });
    else if (!o.entry.prefiltered) filesParsed++;
    findings.push(...o.findings);
    if (o.gpu) gpu.push(o.gpu);
    if (o.llm) llm.push(o.llm);
    if (o.assumedTypeSizes) Object.assign(assumedTypeSizes, o.assumedTypeSizes);
  }
  if (total && !input.signal?.aborted) await input.afterFile?.(total, total);
  files.sort((a, b) => a.path.localeCompare(b.path));
  findings.sort(compareFindings);
  gpu.sort((a, b) => a.path.localeCompare(b.path));
  llm.sort((a, b) => a.path.localeCompare(b.path));
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root,
    config: loaded.config,
    configSource: loaded.source,
    configProblems: loaded.problems,
    targetGpu: loaded.gpu,
    files,
    skipped,
    findings,
    gpu,
    llm,
    assumedTypeSizes: sortKeys(assumedTypeSizes),
    stats: {
      filesConsidered: discovered.files.length + discovered.skipped.length,
      filesParsed,
      bytesRead,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

/** The files a scan meant to analyse and could not (SkippedFile.failed): what the CLI's --fail-on-skipped counts. */
export function notAnalysed(result: Pick<AnalysisResult, 'skipped'>): SkippedFile[] {
  return result.skipped.filter((s) => s.failed);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.path.localeCompare(b.path) ||
    a.range.startLine - b.range.startLine ||
    a.range.startColumn - b.range.startColumn ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

export function atOrAbove(findings: Finding[], threshold: 'error' | 'warning' | 'never'): Finding[] {
  if (threshold === 'never') return [];
  return findings.filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[threshold]);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
