// What is wrong with a configuration, workload or editor-settings value, and what is used instead, as a src/core/l10n
// catalogue. A problem is rendered in every language when it is found (ConfigProblem carries both texts across the
// scan threads and into each output); the values quoted from the file are data.
import { defineMessages, renderEach, type DataOf, type Localized, type LocalizedData } from './l10n';

export const CONFIG_MESSAGES = defineMessages({
  // The configuration file (ai-infra-advisor.config.json)
  'config.notObject': { en: 'the configuration must be a JSON object; using defaults', ko: '설정은 JSON 객체여야 합니다. 기본값을 사용합니다' },
  'config.tooDeep': {
    en: 'the configuration is nested more than {{max}} levels deep; using defaults',
    ko: '설정이 {{max}}단계보다 깊게 중첩되어 있습니다. 기본값을 사용합니다',
  },
  'config.unknownSetting': { en: "unknown setting '{{name}}' ignored", ko: "알 수 없는 설정 '{{name}}'은(는) 무시합니다" },
  'config.schema': { en: '{{schema}}{{values}}; using the default', ko: '{{schema}}{{values}}. 기본값을 사용합니다' },
  'config.customGpu': {
    en: "'custom' needs customGpu.memoryGiB; using the default '{{default}}'",
    ko: "'custom'에는 customGpu.memoryGiB가 필요합니다. 기본값 '{{default}}'을(를) 사용합니다",
  },
  'config.unreadable': {
    en: '{{path}} could not be read ({{why}}); using defaults',
    ko: '{{path}}을(를) 읽을 수 없습니다({{why}}). 기본값을 사용합니다',
  },
  'config.badJson': {
    en: '{{path}} is not valid JSON ({{error}}); using defaults',
    ko: '{{path}}은(는) 올바른 JSON이 아닙니다({{error}}). 기본값을 사용합니다',
  },
  'rule.unknown': { en: "unknown rule '{{id}}' ignored", ko: "알 수 없는 규칙 '{{id}}'은(는) 무시합니다" },
  'rule.badSetting': {
    en: "{{value}} is not one of {{allowed}}; using the rule's default",
    ko: '{{value}}은(는) {{allowed}} 중 하나가 아닙니다. 규칙의 기본값을 사용합니다',
  },
  'glob.ignored': { en: 'glob {{glob}} ignored: {{why}}', ko: 'glob {{glob}}을(를) 무시합니다: {{why}}' },
  // Why an include/exclude glob is refused (config.ts, globProblem)
  'glob.tooLong': { en: 'longer than {{max}} characters', ko: '{{max}}자보다 깁니다' },
  'glob.parentheses': {
    en: 'parentheses (extglobs such as @(…), +(…), !(…)) are not supported: they can make matching take exponential time',
    ko: '괄호(@(…), +(…), !(…) 같은 extglob)는 지원하지 않습니다: 일치 검사에 지수 시간이 걸릴 수 있습니다',
  },
  'glob.braces': { en: 'more than {{max}} brace groups', ko: '중괄호 그룹이 {{max}}개보다 많습니다' },
  'glob.braceRange': { en: 'brace ranges such as {1..9} are not supported', ko: '{1..9} 같은 중괄호 범위는 지원하지 않습니다' },
  'glob.stars': {
    en: "more than two * in one path segment ('{{segment}}'): such patterns can make matching take very long",
    ko: "경로 한 부분('{{segment}}')에 *가 세 개 이상입니다: 이런 패턴은 일치 검사가 매우 오래 걸릴 수 있습니다",
  },
  // Why a settings file could not be read
  'file.folder': { en: 'it is a folder', ko: '폴더입니다' },
  'file.tooLarge': { en: 'more than the {{max}} bytes a settings file may have', ko: '설정 파일의 한도 {{max}}바이트를 넘습니다' },
  'file.tooDeep': {
    en: 'its JSON is nested {{depth}} levels deep, more than the {{max}} a settings file may have',
    ko: 'JSON 중첩이 {{depth}}단계로, 설정 파일의 한도 {{max}}단계를 넘습니다',
  },
  // The workload file (ai-infra-advisor.workload.json)
  'workload.notObject': {
    en: 'the workload must be a JSON object; using the profile alone',
    ko: '워크로드는 JSON 객체여야 합니다. 프로필 값만 사용합니다',
  },
  'workload.unknownField': { en: "unknown field '{{name}}' ignored", ko: "알 수 없는 필드 '{{name}}'은(는) 무시합니다" },
  'workload.overrideNeedsSite': {
    en: 'a call override needs "site" (path:line) or "label"; override ignored',
    ko: '호출 재정의에는 "site"(경로:줄) 또는 "label"이 필요합니다. 이 재정의는 무시합니다',
  },
  'workload.entryIgnored': { en: '{{schema}}; entry ignored', ko: '{{schema}}. 이 항목은 무시합니다' },
  'workload.useProfileValue': { en: "{{schema}}{{values}}; using the profile's value", ko: '{{schema}}{{values}}. 프로필 값을 사용합니다' },
  'workload.useProfileAlone': { en: '{{schema}}; using the profile alone', ko: '{{schema}}. 프로필 값만 사용합니다' },
  'workload.peakBelowAverage': {
    en: 'peak ({{peak}}) is below the average ({{average}}); using the average as the peak',
    ko: '최대값({{peak}})이 평균({{average}})보다 작습니다. 평균을 최대값으로 사용합니다',
  },
  'workload.notBytes': { en: 'not a byte count; ignored', ko: '바이트 수가 아닙니다. 무시합니다' },
  'workload.unreadable': {
    en: '{{path}} could not be read ({{why}}); using the profile alone',
    ko: '{{path}}을(를) 읽을 수 없습니다({{why}}). 프로필 값만 사용합니다',
  },
  'workload.badJson': {
    en: '{{path}} is not valid JSON ({{error}}); using the profile alone',
    ko: '{{path}}은(는) 올바른 JSON이 아닙니다({{error}}). 프로필 값만 사용합니다',
  },
  // The editor's aiInfraAdvisor.* settings: "<value> is not <expected>; <fallback>"
  'settings.bad': { en: '{{value}} is not {{expected}}; {{fallback}}', ko: '{{value}}은(는) {{expected}}이(가) 아닙니다. {{fallback}}' },
  'settings.notObject': {
    en: 'the settings must be an object, not {{value}}; using the defaults',
    ko: '설정은 {{value}}이(가) 아니라 객체여야 합니다. 기본값을 사용합니다',
  },
  'settings.tooDeep': {
    en: 'the settings are nested more than {{max}} levels deep; using the defaults',
    ko: '설정이 {{max}}단계보다 깊게 중첩되어 있습니다. 기본값을 사용합니다',
  },
  'expected.oneOf': { en: 'one of {{values}}', ko: '{{values}} 중 하나' },
  'expected.gpuId': { en: 'a known GPU id ({{ids}})', ko: '알려진 GPU id({{ids}})' },
  'expected.boolean': { en: 'true or false', ko: 'true 또는 false' },
  'expected.bytes': { en: 'a positive whole number of bytes', ko: '양의 정수 바이트 수' },
  'expected.engineIds': { en: 'a list of engine ids', ko: '엔진 id 목록' },
  'expected.prices': { en: 'an object of prices', ko: '가격 객체' },
  'expected.globs': { en: 'a list of glob patterns', ko: 'glob 패턴 목록' },
  'expected.rules': { en: 'an object of rule id → severity', ko: '규칙 id → 심각도 객체' },
  'fallback.default': { en: 'using the default {{value}}', ko: '기본값 {{value}}을(를) 사용합니다' },
  'fallback.hideBaselined': { en: 'hiding baselined findings', ko: '기준선의 결과를 숨깁니다' },
  'fallback.defaultEngines': { en: 'comparing the default engines', ko: '기본 엔진을 비교합니다' },
  'fallback.builtInPrices': { en: 'using the built-in prices', ko: '내장 가격을 사용합니다' },
  'fallback.configInclude': { en: "using the configuration file's", ko: '설정 파일의 값을 사용합니다' },
  'fallback.noExclusions': { en: 'adding no exclusions', ko: '제외 항목을 추가하지 않습니다' },
  'fallback.ignore': { en: 'ignoring it', ko: '무시합니다' },
  'fallback.ruleDefault': { en: "using the rule's default", ko: '규칙의 기본값을 사용합니다' },
});

export type ConfigMessageId = keyof typeof CONFIG_MESSAGES;

type Args<K extends ConfigMessageId> = [keyof DataOf<(typeof CONFIG_MESSAGES)[K]>] extends [never]
  ? []
  : [data: LocalizedData<(typeof CONFIG_MESSAGES)[K]>];

/** A configuration message in every language (a sub-phrase of another, or a problem's text). */
export function configText<K extends ConfigMessageId>(id: K, ...data: Args<K>): Localized {
  return renderEach(CONFIG_MESSAGES, id, ...data);
}
