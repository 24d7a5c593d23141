// The editor's aiInfraAdvisor.* settings, checked field by field: a bad value is named with what was expected and
// replaced by its default; the other settings still apply (issue 6). Pure, so every field's message is unit-tested.
import type { ConfigProblem } from '../core/config';
import { RULE_IDS } from '../core/rules';
import { GPU_CATALOG } from '../core/sizing/gpu-catalog';
import { PROFILE_NAMES, type ProfileName } from '../core/sizing/profiles';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type ServerSettings } from './protocol';

const SEVERITIES = ['error', 'warning', 'info', 'off'];

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
};
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The settings to use, and one problem per bad field (the field named in full: `aiInfraAdvisor.targetGpu`). */
export function validateSettings(raw: unknown): { settings: ServerSettings; problems: ConfigProblem[] } {
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, rules: {} };
  const problems: ConfigProblem[] = [];
  const bad = (field: string, value: unknown, expected: string, fallback: string) =>
    problems.push({ field: `${SETTINGS_SECTION}.${field}`, message: `${show(value)} is not ${expected}; ${fallback}` });
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ field: SETTINGS_SECTION, message: `the settings must be an object, not ${show(raw)}; using the defaults` });
    return { settings, problems };
  }
  const r = raw as Record<string, unknown>;
  const useDefault = (field: keyof ServerSettings) => `using the default ${show(DEFAULT_SETTINGS[field])}`;
  if (r.targetGpu !== undefined) {
    if (typeof r.targetGpu === 'string' && GPU_CATALOG.some((g) => g.id === r.targetGpu)) settings.targetGpu = r.targetGpu;
    else bad('targetGpu', r.targetGpu, `a known GPU id (${GPU_CATALOG.map((g) => g.id).join(', ')})`, useDefault('targetGpu'));
  }
  if (r.profile !== undefined) {
    if (PROFILE_NAMES.includes(r.profile as ProfileName)) settings.profile = r.profile as ProfileName;
    else bad('profile', r.profile, `one of ${PROFILE_NAMES.join(', ')}`, useDefault('profile'));
  }
  if (r.codeLens !== undefined) {
    if (typeof r.codeLens === 'boolean') settings.codeLens = r.codeLens;
    else bad('codeLens', r.codeLens, 'true or false', useDefault('codeLens'));
  }
  if (r.maxFileBytes !== undefined) {
    if (typeof r.maxFileBytes === 'number' && Number.isInteger(r.maxFileBytes) && r.maxFileBytes > 0) settings.maxFileBytes = r.maxFileBytes;
    else bad('maxFileBytes', r.maxFileBytes, 'a positive whole number of bytes', useDefault('maxFileBytes'));
  }
  // Engines and prices are checked by the workload schema where the report uses them (server.ts names those fields).
  if (r.engines !== undefined) {
    if (isStrings(r.engines)) settings.engines = r.engines;
    else bad('engines', r.engines, 'a list of engine ids', 'comparing the default engines');
  }
  if (r.prices !== undefined) {
    if (r.prices !== null && typeof r.prices === 'object' && !Array.isArray(r.prices)) settings.prices = r.prices as Record<string, unknown>;
    else bad('prices', r.prices, 'an object of prices', 'using the built-in prices');
  }
  for (const field of ['include', 'exclude'] as const) {
    if (r[field] === undefined) continue;
    if (isStrings(r[field])) settings[field] = r[field];
    else bad(field, r[field], 'a list of glob patterns', field === 'include' ? 'using the configuration file\'s' : 'adding no exclusions');
  }
  if (r.rules !== undefined) {
    if (r.rules === null || typeof r.rules !== 'object' || Array.isArray(r.rules)) bad('rules', r.rules, 'an object of rule id → severity', 'ignoring it');
    else {
      for (const [id, sev] of Object.entries(r.rules)) {
        if (!RULE_IDS.includes(id)) problems.push({ field: `${SETTINGS_SECTION}.rules.${id}`, message: `unknown rule '${id}' ignored` });
        else if (typeof sev === 'string' && SEVERITIES.includes(sev)) settings.rules[id] = sev;
        else bad(`rules.${id}`, sev, `one of ${SEVERITIES.join(', ')}`, 'using the rule\'s default');
      }
    }
  }
  return { settings, problems };
}
