// The one entry point: files + config -> AnalysisResult. Every surface (CLI, language server, tests) calls this
// and renders what it returns; nothing downstream re-derives facts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pkg from '../../package.json';
import type { AdvisorConfig, ConfigProblem, LoadedConfig } from './config';
import { resolveConfig } from './config';
import type { FileEntry, Finding, GpuFileFacts, GpuFileSummary, Language, SkippedFile } from './model/types';
import { SEVERITY_ORDER } from './model/types';
import { discoverFiles } from './files/discover';
import { mayBeRelevant } from './files/prefilter';
import { initTreeSitter, parseSource, withCExpression, grammarFor } from './parse/tree-sitter';
import { parseJsTs } from './parse/typescript-estree';
import { extractCGpuFacts } from './facts/c-gpu';
import { extractPyGpuFacts } from './facts/py-gpu';
import { summariseGpuFile } from './facts/memory';
import { RULES, RULE_IDS } from './rules';
import { runRule } from './rules/rule';
import { applySuppressions, readSuppressions } from './suppressions';
import type { GpuSpec } from './sizing/gpu-catalog';

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
}

export interface FileAnalysis {
  entry: FileEntry;
  findings: Finding[];
  facts: GpuFileFacts | null;
  gpu: GpuFileSummary | null;
}

/** Analyses one document's text (the editor's path, and the tests'): never throws for bad input. */
export async function analyzeText(path: string, text: string, language: Language, loaded: LoadedConfig): Promise<FileAnalysis> {
  const entry: FileEntry = { path, language, bytes: Buffer.byteLength(text) };
  if (!mayBeRelevant(text, language)) return { entry: { ...entry, prefiltered: true }, findings: [], facts: null, gpu: null };
  try {
    if (grammarFor(language)) {
      const parsed = await parseSource(text, language);
      try {
        if (parsed.errorCount) entry.parseErrors = parsed.errorCount;
        const facts = language === 'python' ? extractPyGpuFacts(parsed, path) : extractCGpuFacts(parsed, path, language, withCExpression);
        const hasGpu = facts.events.length > 0 || facts.apiCalls.length > 0 || facts.kernels.length > 0;
        if (!hasGpu) return { entry, findings: [], facts, gpu: null };
        const summary = summariseGpuFile(facts);
        const findings = applySuppressions(runRules(facts, summary, loaded, text, entry), readSuppressions(parsed.tree.rootNode, parsed.text));
        return { entry, findings, facts, gpu: summary };
      } finally {
        parsed.tree.delete();
      }
    }
    const js = parseJsTs(text, path, language);
    if (js.error) entry.parseErrors = 1;
    return { entry, findings: [], facts: null, gpu: null };
  } catch (err) {
    return { entry: { ...entry, skipped: `analysis failed: ${(err as Error).message}` }, findings: [], facts: null, gpu: null };
  }
}

/** Runs the enabled rules; a rule that throws is recorded on the file and the other rules still run. */
function runRules(facts: GpuFileFacts, summary: GpuFileSummary, loaded: LoadedConfig, text: string, entry: FileEntry): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = loaded.config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    try {
      findings.push(...runRule(rule, { facts, summary, config: loaded.config, gpu: loaded.gpu, text }, setting));
    } catch (err) {
      (entry.ruleErrors ??= []).push(`${rule.meta.id}: ${(err as Error).message}`);
    }
  }
  return findings;
}

export async function analyze(input: AnalyzeInput): Promise<AnalysisResult> {
  const started = performance.now();
  const root = resolve(input.root);
  const loaded = input.config ?? resolveConfig(undefined, RULE_IDS);
  await initTreeSitter();
  const discovered = await discoverFiles({
    root, paths: input.paths, include: loaded.config.include, exclude: loaded.config.exclude,
    respectGitignore: loaded.config.respectGitignore, maxFileBytes: loaded.config.maxFileBytes,
  });
  const files: FileEntry[] = discovered.skipped.map((s) => ({ path: s.path, language: s.language, skipped: s.reason }));
  const skipped: SkippedFile[] = discovered.skipped.map((s) => ({ path: s.path, reason: s.reason }));
  for (const m of discovered.missing) skipped.push({ path: m, reason: 'no such file or folder' });
  const findings: Finding[] = [];
  const gpu: GpuFileSummary[] = [];
  const assumedTypeSizes: Record<string, number> = {};
  let bytesRead = 0;
  let filesParsed = 0;
  for (const file of discovered.files) {
    if (input.signal?.aborted) {
      skipped.push({ path: file.path, reason: 'scan cancelled' });
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file.absolutePath, 'utf8');
    } catch (err) {
      const reason = `unreadable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
      files.push({ path: file.path, language: file.language, skipped: reason });
      skipped.push({ path: file.path, reason });
      continue;
    }
    bytesRead += file.bytes;
    const result = await analyzeText(file.path, text, file.language, loaded);
    files.push(result.entry);
    if (result.entry.skipped) skipped.push({ path: file.path, reason: result.entry.skipped });
    if (!result.entry.prefiltered && !result.entry.skipped) filesParsed++;
    findings.push(...result.findings);
    if (result.gpu) gpu.push(result.gpu);
    if (result.facts) Object.assign(assumedTypeSizes, result.facts.assumedTypeSizes);
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  findings.sort(compareFindings);
  gpu.sort((a, b) => a.path.localeCompare(b.path));
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION }, root, config: loaded.config, configSource: loaded.source, configProblems: loaded.problems,
    targetGpu: loaded.gpu, files, skipped, findings, gpu, assumedTypeSizes: sortKeys(assumedTypeSizes),
    stats: { filesConsidered: discovered.files.length + discovered.skipped.length, filesParsed, bytesRead, durationMs: Math.round(performance.now() - started) },
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.path.localeCompare(b.path) || a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn || a.ruleId.localeCompare(b.ruleId);
}

export function atOrAbove(findings: Finding[], threshold: 'error' | 'warning' | 'never'): Finding[] {
  if (threshold === 'never') return [];
  return findings.filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[threshold]);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
