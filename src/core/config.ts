// Configuration: defaults, the optional ai-infra-advisor.config.json validated against docs/config.schema.json,
// and CLI overrides. A bad field is reported by name and replaced by its default; the run goes on.
import Ajv, { type ErrorObject } from 'ajv';
import localizeKo from 'ajv-i18n/localize/ko';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../docs/config.schema.json';
import type { Severity } from './model/types';
import { findGpu, type GpuSpec } from './sizing/gpu-catalog';

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
  rules: Record<string, RuleSetting>;
  /** Language of rule messages. */
  lang: 'en' | 'ko';
  /** Folders searched for `#include "…"` headers after the including file's own (relative to the config file). */
  includeDirs?: string[];
}

export const CONFIG_FILE_NAME = 'ai-infra-advisor.config.json';

export const DEFAULT_CONFIG: Readonly<AdvisorConfig> = Object.freeze({
  // The T4 is the smallest GPU common in clouds (16 GB): code that fits there fits almost anywhere.
  targetGpu: 't4',
  chunkThreshold: 0.25,
  safetyFactor: 0.9,
  maxFileBytes: 2_000_000,
  include: ['**/*'],
  exclude: [],
  respectGitignore: true,
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

export function problem(field: string, message: string, messageKo: string): ConfigProblem {
  return { field, message, messageKo };
}

/** The problem's message in the UI language. */
export function problemText(p: ConfigProblem, lang: 'en' | 'ko'): string {
  return lang === 'ko' && p.messageKo ? p.messageKo : p.message;
}

/** Problems as the outputs carry them: field and message, in the run's language. */
export function problemsIn(problems: readonly ConfigProblem[], lang: 'en' | 'ko'): Array<{ field: string; message: string }> {
  return problems.map((p) => ({ field: p.field, message: problemText(p, lang) }));
}

/** Ajv's message for one schema error, in Korean (ajv-i18n). */
export function schemaMessageKo(err: ErrorObject): string {
  const copy = [{ ...err }];
  localizeKo(copy);
  return (copy[0]!.message ?? err.message ?? '').trim();
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
    problems.push(problem('(root)', 'the configuration must be a JSON object; using defaults', '설정은 JSON 객체여야 합니다. 기본값을 사용합니다'));
    raw = {};
  }
  const input = { ...(raw as Record<string, unknown> | undefined) };
  // One rule's bad setting drops that rule's setting only, never the others (the schema would fail all of `rules`).
  const rawRules = input.rules;
  if (rawRules && typeof rawRules === 'object' && !Array.isArray(rawRules)) {
    const rules: Record<string, unknown> = { ...(rawRules as Record<string, unknown>) };
    for (const [id, value] of Object.entries(rules)) {
      if (!knownRuleIds.includes(id)) {
        problems.push(problem(`rules.${id}`, `unknown rule '${id}' ignored`, `알 수 없는 규칙 '${id}'은(는) 무시합니다`));
        delete rules[id];
      } else if (typeof value !== 'string' || !RULE_SETTINGS.includes(value as RuleSetting)) {
        problems.push(problem(`rules.${id}`, `${JSON.stringify(value)} is not one of ${RULE_SETTINGS.join(', ')}; using the rule's default`, `${JSON.stringify(value)}은(는) ${RULE_SETTINGS.join(', ')} 중 하나가 아닙니다. 규칙의 기본값을 사용합니다`));
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
      const found = err.keyword === 'additionalProperties'
        ? { ...problem(where, `unknown setting '${top}' ignored`, `알 수 없는 설정 '${top}'은(는) 무시합니다`), allowed: false }
        : { ...problem(where, `${err.message}${values}; using the default`, `${schemaMessageKo(err)}${values}. 기본값을 사용합니다`), allowed: Boolean(allowed) };
      const seen = byField.get(where);
      if (!seen || (found.allowed && !seen.allowed)) byField.set(where, found);
      badFields.add(top);
    }
    for (const { field, message, messageKo } of byField.values()) problems.push({ field, message, messageKo });
    for (const f of badFields) delete input[f];
  }
  Object.assign(config, input);
  config.rules = { ...(input.rules as Record<string, RuleSetting> | undefined) };
  let gpu = findGpu(config.targetGpu, config.customGpu);
  if (!gpu) {
    problems.push(problem('targetGpu', `'custom' needs customGpu.memoryGiB; using the default '${DEFAULT_CONFIG.targetGpu}'`, `'custom'에는 customGpu.memoryGiB가 필요합니다. 기본값 '${DEFAULT_CONFIG.targetGpu}'을(를) 사용합니다`));
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
    loaded.problems.push(problem('(file)', `${path} could not be read (${text.error}); using defaults`, `${path}을(를) 읽을 수 없습니다(${text.errorKo}). 기본값을 사용합니다`));
    return loaded;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const loaded = resolveConfig(undefined, knownRuleIds, path);
    loaded.problems.push(problem('(file)', `${path} is not valid JSON (${(err as Error).message}); using defaults`, `${path}은(는) 올바른 JSON이 아닙니다(${(err as Error).message}). 기본값을 사용합니다`));
    return loaded;
  }
  return resolveConfig(raw, knownRuleIds, path);
}

/** A configuration or workload file is small: anything larger is a mistake (a data file named like it), not read. */
export const MAX_SETTINGS_FILE_BYTES = 1_000_000;

/** The file's text, or why it could not be read (a folder, no permission, too large) as a short reason in both languages. */
export function readSettingsFile(path: string): string | { error: string; errorKo: string } {
  try {
    const size = statSync(path).size;
    if (size > MAX_SETTINGS_FILE_BYTES) return { error: `${size} bytes, more than the ${MAX_SETTINGS_FILE_BYTES} a settings file may have`, errorKo: `${size}바이트로, 설정 파일의 한도 ${MAX_SETTINGS_FILE_BYTES}바이트를 넘습니다` };
    return readFileSync(path, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EISDIR') return { error: 'it is a folder', errorKo: '폴더입니다' };
    return { error: e.code ?? e.message, errorKo: e.code ?? e.message };
  }
}
