// The editor's aiInfraAdvisor.* settings, checked field by field: a bad value is named with what was expected and
// replaced by its default; the other settings still apply (issue 6). Pure, so every field's message is unit-tested.
import { globProblem, MAX_SETTINGS_DEPTH, problem, RULE_SETTINGS, valueDepth, type ConfigProblem } from '../core/config';
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
  // What was expected and what is used instead, each in English and Korean.
  type Both = [en: string, ko: string];
  const bad = (field: string, value: unknown, [expected, expectedKo]: Both, [fallback, fallbackKo]: Both) =>
    problems.push(
      problem(
        `${SETTINGS_SECTION}.${field}`,
        `${show(value)} is not ${expected}; ${fallback}`,
        `${show(value)}은(는) ${expectedKo}이(가) 아닙니다. ${fallbackKo}`,
      ),
    );
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(
      problem(
        SETTINGS_SECTION,
        `the settings must be an object, not ${show(raw)}; using the defaults`,
        `설정은 ${show(raw)}이(가) 아니라 객체여야 합니다. 기본값을 사용합니다`,
      ),
    );
    return { settings, problems };
  }
  if (valueDepth(raw) > MAX_SETTINGS_DEPTH) {
    problems.push(
      problem(
        SETTINGS_SECTION,
        `the settings are nested more than ${MAX_SETTINGS_DEPTH} levels deep; using the defaults`,
        `설정이 ${MAX_SETTINGS_DEPTH}단계보다 깊게 중첩되어 있습니다. 기본값을 사용합니다`,
      ),
    );
    return { settings, problems };
  }
  const r = raw as Record<string, unknown>;
  const useDefault = (field: keyof ServerSettings): Both => [
    `using the default ${show(DEFAULT_SETTINGS[field])}`,
    `기본값 ${show(DEFAULT_SETTINGS[field])}을(를) 사용합니다`,
  ];
  const oneOf = (values: readonly string[]): Both => [`one of ${values.join(', ')}`, `${values.join(', ')} 중 하나`];
  if (r.targetGpu !== undefined) {
    if (typeof r.targetGpu === 'string' && GPU_CATALOG.some((g) => g.id === r.targetGpu)) settings.targetGpu = r.targetGpu;
    else
      bad(
        'targetGpu',
        r.targetGpu,
        [`a known GPU id (${GPU_CATALOG.map((g) => g.id).join(', ')})`, `알려진 GPU id(${GPU_CATALOG.map((g) => g.id).join(', ')})`],
        useDefault('targetGpu'),
      );
  }
  if (r.profile !== undefined) {
    if (PROFILE_NAMES.includes(r.profile as ProfileName)) settings.profile = r.profile as ProfileName;
    else bad('profile', r.profile, oneOf(PROFILE_NAMES), useDefault('profile'));
  }
  if (r.codeLens !== undefined) {
    if (typeof r.codeLens === 'boolean') settings.codeLens = r.codeLens;
    else bad('codeLens', r.codeLens, ['true or false', 'true 또는 false'], useDefault('codeLens'));
  }
  if (r.maxFileBytes !== undefined) {
    if (typeof r.maxFileBytes === 'number' && Number.isInteger(r.maxFileBytes) && r.maxFileBytes > 0) settings.maxFileBytes = r.maxFileBytes;
    else bad('maxFileBytes', r.maxFileBytes, ['a positive whole number of bytes', '양의 정수 바이트 수'], useDefault('maxFileBytes'));
  }
  if (r.baseline !== undefined) {
    if (typeof r.baseline === 'string' && (BASELINE_MODES as readonly string[]).includes(r.baseline)) settings.baseline = r.baseline as BaselineMode;
    else bad('baseline', r.baseline, oneOf(BASELINE_MODES), ['hiding baselined findings', '기준선의 결과를 숨깁니다']);
  }
  // Engines and prices are checked by the workload schema where the report uses them (server.ts names those fields).
  if (r.engines !== undefined) {
    if (isStrings(r.engines)) settings.engines = r.engines;
    else bad('engines', r.engines, ['a list of engine ids', '엔진 id 목록'], ['comparing the default engines', '기본 엔진을 비교합니다']);
  }
  if (r.prices !== undefined) {
    if (r.prices !== null && typeof r.prices === 'object' && !Array.isArray(r.prices)) settings.prices = r.prices as Record<string, unknown>;
    else bad('prices', r.prices, ['an object of prices', '가격 객체'], ['using the built-in prices', '내장 가격을 사용합니다']);
  }
  for (const field of ['include', 'exclude'] as const) {
    if (r[field] === undefined) continue;
    const refused = isStrings(r[field]) ? r[field].map((g, i) => [g, i, globProblem(g)] as const).filter(([, , why]) => why) : [];
    for (const [g, i, why] of refused)
      problems.push(problem(`${SETTINGS_SECTION}.${field}[${i}]`, `glob ${show(g)} ignored: ${why}`, `glob ${show(g)}을(를) 무시합니다: ${why}`));
    if (isStrings(r[field])) settings[field] = r[field].filter((g) => !globProblem(g));
    else
      bad(
        field,
        r[field],
        ['a list of glob patterns', 'glob 패턴 목록'],
        field === 'include'
          ? ["using the configuration file's", '설정 파일의 값을 사용합니다']
          : ['adding no exclusions', '제외 항목을 추가하지 않습니다'],
      );
  }
  if (r.rules !== undefined) {
    if (r.rules === null || typeof r.rules !== 'object' || Array.isArray(r.rules))
      bad('rules', r.rules, ['an object of rule id → severity', '규칙 id → 심각도 객체'], ['ignoring it', '무시합니다']);
    else {
      for (const [id, sev] of Object.entries(r.rules)) {
        if (!RULE_IDS.includes(id))
          problems.push(problem(`${SETTINGS_SECTION}.rules.${id}`, `unknown rule '${id}' ignored`, `알 수 없는 규칙 '${id}'은(는) 무시합니다`));
        else if (typeof sev === 'string' && (RULE_SETTINGS as readonly string[]).includes(sev)) settings.rules[id] = sev;
        else bad(`rules.${id}`, sev, oneOf(RULE_SETTINGS), ["using the rule's default", '규칙의 기본값을 사용합니다']);
      }
    }
  }
  return { settings, problems };
}
