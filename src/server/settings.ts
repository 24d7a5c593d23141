// The editor's aiInfraAdvisor.* settings, checked field by field: a bad value is named with what was expected and
// replaced by its default; the other settings still apply (issue 6). Pure, so every field's message is unit-tested.
import { globProblem, MAX_SETTINGS_DEPTH, problem, RULE_SETTINGS, valueDepth, type ConfigProblem } from '../core/config';
import { configText } from '../core/config-messages';
import type { Localized } from '../core/l10n';
import { RULE_IDS } from '../core/rules';
import { BASELINE_MODES, type BaselineMode } from '../core/baseline';
import { GPU_CATALOG } from '../core/sizing/gpu-catalog';
import { PROFILE_NAMES, type ProfileName } from '../core/sizing/profiles';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type ServerSettings } from './protocol';

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
};
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The settings to use, and one problem per bad field (the field named in full: `aiInfraAdvisor.targetGpu`). */
export function validateSettings(raw: unknown): { settings: ServerSettings; problems: ConfigProblem[] } {
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, rules: {} };
  const problems: ConfigProblem[] = [];
  // What was expected and what is used instead, each a message in every language.
  const bad = (field: string, value: unknown, expected: Localized, fallback: Localized) =>
    problems.push(problem(`${SETTINGS_SECTION}.${field}`, configText('settings.bad', { value: show(value), expected, fallback })));
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(problem(SETTINGS_SECTION, configText('settings.notObject', { value: show(raw) })));
    return { settings, problems };
  }
  if (valueDepth(raw) > MAX_SETTINGS_DEPTH) {
    problems.push(problem(SETTINGS_SECTION, configText('settings.tooDeep', { max: MAX_SETTINGS_DEPTH })));
    return { settings, problems };
  }
  const r = raw as Record<string, unknown>;
  const useDefault = (field: keyof ServerSettings) => configText('fallback.default', { value: show(DEFAULT_SETTINGS[field]) });
  const oneOf = (values: readonly string[]) => configText('expected.oneOf', { values: values.join(', ') });
  if (r.targetGpu !== undefined) {
    if (typeof r.targetGpu === 'string' && GPU_CATALOG.some((g) => g.id === r.targetGpu)) settings.targetGpu = r.targetGpu;
    else bad('targetGpu', r.targetGpu, configText('expected.gpuId', { ids: GPU_CATALOG.map((g) => g.id).join(', ') }), useDefault('targetGpu'));
  }
  if (r.profile !== undefined) {
    if (PROFILE_NAMES.includes(r.profile as ProfileName)) settings.profile = r.profile as ProfileName;
    else bad('profile', r.profile, oneOf(PROFILE_NAMES), useDefault('profile'));
  }
  if (r.codeLens !== undefined) {
    if (typeof r.codeLens === 'boolean') settings.codeLens = r.codeLens;
    else bad('codeLens', r.codeLens, configText('expected.boolean'), useDefault('codeLens'));
  }
  if (r.maxFileBytes !== undefined) {
    if (typeof r.maxFileBytes === 'number' && Number.isInteger(r.maxFileBytes) && r.maxFileBytes > 0) settings.maxFileBytes = r.maxFileBytes;
    else bad('maxFileBytes', r.maxFileBytes, configText('expected.bytes'), useDefault('maxFileBytes'));
  }
  if (r.baseline !== undefined) {
    if (typeof r.baseline === 'string' && (BASELINE_MODES as readonly string[]).includes(r.baseline)) settings.baseline = r.baseline as BaselineMode;
    else bad('baseline', r.baseline, oneOf(BASELINE_MODES), configText('fallback.hideBaselined'));
  }
  // Engines and prices are checked by the workload schema where the report uses them (server.ts names those fields).
  if (r.engines !== undefined) {
    if (isStrings(r.engines)) settings.engines = r.engines;
    else bad('engines', r.engines, configText('expected.engineIds'), configText('fallback.defaultEngines'));
  }
  if (r.prices !== undefined) {
    if (r.prices !== null && typeof r.prices === 'object' && !Array.isArray(r.prices)) settings.prices = r.prices as Record<string, unknown>;
    else bad('prices', r.prices, configText('expected.prices'), configText('fallback.builtInPrices'));
  }
  for (const field of ['include', 'exclude'] as const) {
    if (r[field] === undefined) continue;
    const refused = isStrings(r[field]) ? r[field].map((g, i) => [g, i, globProblem(g)] as const).filter(([, , why]) => why) : [];
    for (const [g, i, why] of refused)
      problems.push(problem(`${SETTINGS_SECTION}.${field}[${i}]`, configText('glob.ignored', { glob: show(g), why: why! })));
    if (isStrings(r[field])) settings[field] = r[field].filter((g) => !globProblem(g));
    else
      bad(
        field,
        r[field],
        configText('expected.globs'),
        field === 'include' ? configText('fallback.configInclude') : configText('fallback.noExclusions'),
      );
  }
  if (r.rules !== undefined) {
    if (r.rules === null || typeof r.rules !== 'object' || Array.isArray(r.rules))
      bad('rules', r.rules, configText('expected.rules'), configText('fallback.ignore'));
    else {
      for (const [id, sev] of Object.entries(r.rules)) {
        if (!RULE_IDS.includes(id)) problems.push(problem(`${SETTINGS_SECTION}.rules.${id}`, configText('rule.unknown', { id })));
        else if (typeof sev === 'string' && (RULE_SETTINGS as readonly string[]).includes(sev)) settings.rules[id] = sev;
        else bad(`rules.${id}`, sev, oneOf(RULE_SETTINGS), configText('fallback.ruleDefault'));
      }
    }
  }
  return { settings, problems };
}
