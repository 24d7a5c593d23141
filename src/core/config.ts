// Configuration: defaults, the optional ai-infra-advisor.config.json validated against docs/config.schema.json,
// and CLI overrides. A bad field is reported by name and replaced by its default; the run goes on.
import Ajv, { type ErrorObject } from 'ajv';
import localizeKo from 'ajv-i18n/localize/ko';
import { existsSync } from 'node:fs';
import { readBounded } from './files/read';
import { join } from 'node:path';
import schema from '../../docs/config.schema.json';
import type { Severity } from './model/types';
import { DEFAULT_ANALYSIS_TIMEOUT_SECONDS } from './budget';
import { findGpu, type GpuSpec } from './sizing/gpu-catalog';
import type { Lang, Localized } from './l10n';
import { configText } from './config-messages';

export type RuleSetting = Severity | 'off';
/** The values a rule can be set to, as docs/config.schema.json lists them. */
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

export interface AdvisorConfig {
  targetGpu: string;
  customGpu?: { name?: string; memoryGiB: number; openclMaxAllocBytes?: number };
  chunkThreshold: number;
  safetyFactor: number;
  maxFileBytes: number;
  include: string[];
  exclude: string[];
  respectGitignore: boolean;
  /** Read links that lead outside the scanned root (default false: listed as skipped). */
  followLinksOutsideRoot: boolean;
  /** Per-file time budget in seconds (budget.ts). */
  analysisTimeoutSeconds: number;
  rules: Record<string, RuleSetting>;
  /** Language of rule messages. */
  lang: Lang;
  /** Folders searched for `#include "…"` headers after the including file's own (relative to the config file). */
  includeDirs?: string[];
}

export const CONFIG_FILE_NAME = 'ai-infra-advisor.config.json';

/** Deeper than any real configuration or workload: JSON nested further is refused before it is parsed or validated. */
export const MAX_SETTINGS_DEPTH = 100;

export const DEFAULT_CONFIG: Readonly<AdvisorConfig> = Object.freeze({
  // The T4 is the smallest GPU common in clouds (16 GB): code that fits there fits almost anywhere.
  targetGpu: 't4',
  chunkThreshold: 0.25,
  safetyFactor: 0.9,
  maxFileBytes: 2_000_000,
  include: ['**/*'],
  exclude: [],
  respectGitignore: true,
  followLinksOutsideRoot: false,
  analysisTimeoutSeconds: DEFAULT_ANALYSIS_TIMEOUT_SECONDS,
  rules: {},
  lang: 'en',
});

/** A bad value in a configuration, workload or settings source: the field, what was wrong, and what is used instead. */
export interface ConfigProblem {
  field: string;
  /** English: what JSON, SARIF and logs of an English run carry. */
  message: string;
  /** The same in Korean, for a Korean UI (problemText picks). */
  messageKo?: string;
}

/** A problem with its text in every language (from the CONFIG_MESSAGES catalogue, config-messages.ts). */
export function problem(field: string, text: Localized): ConfigProblem {
  return { field, message: text.en, messageKo: text.ko };
}

/** The problem's message in the UI language. */
export function problemText(p: ConfigProblem, lang: Lang): string {
  return lang === 'ko' && p.messageKo ? p.messageKo : p.message;
}

/** Problems as the outputs carry them: field and message, in the run's language. */
export function problemsIn(problems: readonly ConfigProblem[], lang: Lang): Array<{ field: string; message: string }> {
  return problems.map((p) => ({ field: p.field, message: problemText(p, lang) }));
}

/** Ajv's message for one schema error in every language (Korean from ajv-i18n). */
export function schemaText(err: ErrorObject): Localized {
  const copy = [{ ...err }];
  localizeKo(copy);
  return { en: String(err.message), ko: (copy[0]!.message ?? err.message ?? '').trim() };
}

export interface LoadedConfig {
  config: AdvisorConfig;
  gpu: GpuSpec;
  problems: ConfigProblem[];
  source: string | null;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile<Partial<AdvisorConfig>>(schema);

/** Validates a parsed config object; invalid top-level fields fall back to their defaults. */
export function resolveConfig(raw: unknown, knownRuleIds: readonly string[], source: string | null = null): LoadedConfig {
  const problems: ConfigProblem[] = [];
  const config: AdvisorConfig = { ...DEFAULT_CONFIG, include: [...DEFAULT_CONFIG.include], exclude: [], rules: {} };
  if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) {
    problems.push(problem('(root)', configText('config.notObject')));
    raw = {};
  }
  if (raw !== undefined && valueDepth(raw) > MAX_SETTINGS_DEPTH) {
    problems.push(problem('(root)', configText('config.tooDeep', { max: MAX_SETTINGS_DEPTH })));
    raw = {};
  }
  const input = { ...(raw as Record<string, unknown> | undefined) };
  // One rule's bad setting drops that rule's setting only, never the others (the schema would fail all of `rules`).
  const rawRules = input.rules;
  if (rawRules && typeof rawRules === 'object' && !Array.isArray(rawRules)) {
    const rules: Record<string, unknown> = { ...(rawRules as Record<string, unknown>) };
    for (const [id, value] of Object.entries(rules)) {
      if (!knownRuleIds.includes(id)) {
        problems.push(problem(`rules.${id}`, configText('rule.unknown', { id })));
        delete rules[id];
      } else if (typeof value !== 'string' || !RULE_SETTINGS.includes(value as RuleSetting)) {
        problems.push(problem(`rules.${id}`, configText('rule.badSetting', { value: JSON.stringify(value), allowed: RULE_SETTINGS.join(', ') })));
        delete rules[id];
      }
    }
    input.rules = rules;
  }
  if (!validate(input)) {
    const badFields = new Set<string>();
    // One message per field: a value that is both the wrong type and not an allowed value is named once, with the
    // allowed values when there are.
    const byField = new Map<string, ConfigProblem & { allowed: boolean }>();
    for (const err of validate.errors ?? []) {
      const top = err.instancePath.split('/')[1] ?? (err.params as { additionalProperty?: string }).additionalProperty ?? '(root)';
      const where = err.instancePath ? err.instancePath.slice(1).replace(/\//g, '.') : top;
      const allowed = (err.params as { allowedValues?: unknown[] }).allowedValues;
      const values = allowed ? `: ${allowed.join(', ')}` : '';
      const found =
        err.keyword === 'additionalProperties'
          ? { ...problem(where, configText('config.unknownSetting', { name: top })), allowed: false }
          : { ...problem(where, configText('config.schema', { schema: schemaText(err), values })), allowed: Boolean(allowed) };
      const seen = byField.get(where);
      if (!seen || (found.allowed && !seen.allowed)) byField.set(where, found);
      badFields.add(top);
    }
    for (const { field, message, messageKo } of byField.values()) problems.push({ field, message, messageKo });
    for (const f of badFields) delete input[f];
  }
  // Globs compile to backtracking regular expressions (picomatch): the shapes that make matching exponential are refused.
  for (const field of ['include', 'exclude'] as const) {
    const globs = input[field];
    if (!Array.isArray(globs)) continue;
    input[field] = globs.filter((g: string, i: number) => {
      const why = globProblem(g);
      if (why) problems.push(problem(`${field}[${i}]`, configText('glob.ignored', { glob: JSON.stringify(g.slice(0, 80)), why })));
      return !why;
    });
  }
  Object.assign(config, input);
  config.rules = { ...(input.rules as Record<string, RuleSetting> | undefined) };
  let gpu = findGpu(config.targetGpu, config.customGpu);
  if (!gpu) {
    problems.push(problem('targetGpu', configText('config.customGpu', { default: DEFAULT_CONFIG.targetGpu })));
    config.targetGpu = DEFAULT_CONFIG.targetGpu;
    gpu = findGpu(config.targetGpu)!;
  }
  return { config, gpu, problems, source };
}

/** Reads the config file (explicit path, or the default name at the root). A missing default file is fine. */
export function loadConfigFile(root: string, knownRuleIds: readonly string[], explicitPath?: string): LoadedConfig & { fatal?: string } {
  const path = explicitPath ?? join(root, CONFIG_FILE_NAME);
  if (!existsSync(path)) {
    if (explicitPath) return { ...resolveConfig(undefined, knownRuleIds), fatal: `config file not found: ${explicitPath}` };
    return resolveConfig(undefined, knownRuleIds);
  }
  const text = readSettingsFile(path);
  if (typeof text !== 'string') {
    const loaded = resolveConfig(undefined, knownRuleIds, path);
    loaded.problems.push(problem('(file)', configText('config.unreadable', { path, why: text.why })));
    return loaded;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const loaded = resolveConfig(undefined, knownRuleIds, path);
    loaded.problems.push(problem('(file)', configText('config.badJson', { path, error: (err as Error).message })));
    return loaded;
  }
  return resolveConfig(raw, knownRuleIds, path);
}

/** A configuration or workload file is small: anything larger is a mistake (a data file named like it), not read. */
export const MAX_SETTINGS_FILE_BYTES = 1_000_000;

/** The file's text, or why it could not be read (a folder, no permission, too large, too deep) as a short reason in every language. */
export function readSettingsFile(path: string): string | { why: Localized } {
  // Bounded by the bytes read, on the open descriptor (a FIFO or /proc file named as the config never hangs the run).
  const read = readBounded(path, MAX_SETTINGS_FILE_BYTES, null);
  if ('reason' in read) {
    if (read.reason === 'a folder, not a file') return { why: configText('file.folder') };
    if (read.reason.startsWith('larger than')) return { why: configText('file.tooLarge', { max: MAX_SETTINGS_FILE_BYTES }) };
    const reason = read.reason.replace(/^unreadable: /, '');
    return { why: { en: reason, ko: reason } };
  }
  const text = read.bytes.toString('utf8');
  const depth = jsonTextDepth(text);
  if (depth > MAX_SETTINGS_DEPTH) return { why: configText('file.tooDeep', { depth, max: MAX_SETTINGS_DEPTH }) };
  return text;
}

/** The deepest nesting of [ and { in JSON text, counted outside strings in one pass (no recursion). */
export function jsonTextDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/** The nesting depth of a parsed value, counted with a work list (no recursion), stopping once past `limit`. */
export function valueDepth(value: unknown, limit = MAX_SETTINGS_DEPTH): number {
  let max = 0;
  const work: Array<[unknown, number]> = [[value, 1]];
  while (work.length) {
    const [v, d] = work.pop()!;
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, d);
    if (max > limit) return max;
    for (const child of Object.values(v as object)) if (child !== null && typeof child === 'object') work.push([child, d + 1]);
  }
  return max;
}

/** Longest glob accepted: a real include/exclude pattern is a path with a few wildcards. */
export const MAX_GLOB_LENGTH = 500;

/**
 * Why a user's include/exclude glob is refused, or null. picomatch turns a glob into a backtracking regular
 * expression: a group with a quantifier (`@(a+)+b`, even plain `(a+)+`), three or more `*` in one path segment, or
 * a brace range can make matching one path take minutes. Measured on 250-character names: two `*` in a segment
 * ~0 ms, three ~30 ms, four ~1.9 s.
 */
export function globProblem(glob: string): Localized | null {
  if (glob.length > MAX_GLOB_LENGTH) return configText('glob.tooLong', { max: MAX_GLOB_LENGTH });
  if (glob.includes('(') || glob.includes(')')) return configText('glob.parentheses');
  const braces = glob.split('{').length - 1;
  if (braces > 4) return configText('glob.braces', { max: 4 });
  if (glob.includes('..') && braces > 0) return configText('glob.braceRange');
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    const stars = segment.split(/\*+/).length - 1;
    if (stars > 2) return configText('glob.stars', { segment: segment.slice(0, 40) });
  }
  return null;
}
