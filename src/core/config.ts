// Configuration: defaults, the optional ai-infra-advisor.config.json validated against docs/config.schema.json,
// and CLI overrides. A bad field is reported by name and replaced by its default; the run goes on.
import Ajv from 'ajv';
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

export interface ConfigProblem {
  field: string;
  message: string;
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
    problems.push({ field: '(root)', message: 'the configuration must be a JSON object; using defaults' });
    raw = {};
  }
  const input = { ...(raw as Record<string, unknown> | undefined) };
  // One rule's bad setting drops that rule's setting only, never the others (the schema would fail all of `rules`).
  const rawRules = input.rules;
  if (rawRules && typeof rawRules === 'object' && !Array.isArray(rawRules)) {
    const rules: Record<string, unknown> = { ...(rawRules as Record<string, unknown>) };
    for (const [id, value] of Object.entries(rules)) {
      if (!knownRuleIds.includes(id)) {
        problems.push({ field: `rules.${id}`, message: `unknown rule '${id}' ignored` });
        delete rules[id];
      } else if (typeof value !== 'string' || !RULE_SETTINGS.includes(value as RuleSetting)) {
        problems.push({ field: `rules.${id}`, message: `${JSON.stringify(value)} is not one of ${RULE_SETTINGS.join(', ')}; using the rule's default` });
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
      const problem = {
        field: where, allowed: Boolean(allowed),
        message: err.keyword === 'additionalProperties' ? `unknown setting '${top}' ignored` : `${err.message}${allowed ? `: ${allowed.join(', ')}` : ''}; using the default`,
      };
      const seen = byField.get(where);
      if (!seen || (problem.allowed && !seen.allowed)) byField.set(where, problem);
      badFields.add(top);
    }
    for (const { field, message } of byField.values()) problems.push({ field, message });
    for (const f of badFields) delete input[f];
  }
  Object.assign(config, input);
  config.rules = { ...(input.rules as Record<string, RuleSetting> | undefined) };
  let gpu = findGpu(config.targetGpu, config.customGpu);
  if (!gpu) {
    problems.push({ field: 'targetGpu', message: `'custom' needs customGpu.memoryGiB; using the default '${DEFAULT_CONFIG.targetGpu}'` });
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
    loaded.problems.push({ field: '(file)', message: `${path} could not be read (${text.error}); using defaults` });
    return loaded;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const loaded = resolveConfig(undefined, knownRuleIds, path);
    loaded.problems.push({ field: '(file)', message: `${path} is not valid JSON (${(err as Error).message}); using defaults` });
    return loaded;
  }
  return resolveConfig(raw, knownRuleIds, path);
}

/** A configuration or workload file is small: anything larger is a mistake (a data file named like it), not read. */
export const MAX_SETTINGS_FILE_BYTES = 1_000_000;

/** The file's text, or why it could not be read (a folder, no permission, too large) as a short reason. */
export function readSettingsFile(path: string): string | { error: string } {
  try {
    const size = statSync(path).size;
    if (size > MAX_SETTINGS_FILE_BYTES) return { error: `${size} bytes, more than the ${MAX_SETTINGS_FILE_BYTES} a settings file may have` };
    return readFileSync(path, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { error: e.code === 'EISDIR' ? 'it is a folder' : e.code ?? e.message };
  }
}
