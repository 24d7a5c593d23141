// What the LLM call estimator could not know (sizing/llm-estimate.ts), as message ids with data. The JSON report keeps
// the English sentences (`unknowns`, for readers of the file); every surface that shows a note in a language renders it
// from its id here, so rewording a note can never change another language's output (before, the messages mapped the
// English sentence back to a phrase by regular expression). One template per id and language; the Korean table has
// every id of the English one (the type says so).
import type { Lang } from '../l10n';

export type EstimateNote =
  | { id: 'promptAtRunTime'; what: string }
  | { id: 'modelExpr'; expr: string }
  | { id: 'modelMissing' }
  | { id: 'maxTokensNotConstant'; param: string }
  | { id: 'boundRequired'; param: string; provider: string }
  | { id: 'noMaximum' }
  | { id: 'outputNotTokens'; api: string }
  | { id: 'dimensionsUnknown' }
  | { id: 'providerUnknown'; model: string }
  | { id: 'noPrice'; model: string }
  | { id: 'approximateTokens'; charsPerToken: number; source: string }
  | { id: 'inputAtRunTime' };

export type EstimateNoteId = EstimateNote['id'];
type Templates = { [K in EstimateNoteId]: (n: Extract<EstimateNote, { id: K }>) => string };

const EN: Templates = {
  promptAtRunTime: (n) => `prompt text known only at run time: ${n.what}`,
  modelExpr: (n) => `model is ${n.expr}`,
  modelMissing: () => 'model not given at the call site',
  maxTokensNotConstant: (n) => `${n.param} is not a constant`,
  boundRequired: (n) => `no ${n.param}: the ${n.provider} API rejects the request`,
  noMaximum: () => 'no max tokens and no known model maximum',
  outputNotTokens: (n) => `${n.api} output is not measured in tokens here`,
  dimensionsUnknown: () => 'embedding dimensions unknown',
  providerUnknown: (n) => `provider of model '${n.model}' not known`,
  noPrice: (n) => `no published price for model '${n.model}'`,
  approximateTokens: (n) => `prompt tokens approximate: ${n.charsPerToken} characters per token (${n.source})`,
  inputAtRunTime: () => 'input size known only at run time (the sizing workload supplies it)',
};

const KO: Templates = {
  promptAtRunTime: (n) => `실행 시에만 알 수 있는 프롬프트 텍스트: ${n.what}`,
  modelExpr: (n) => `모델은 ${n.expr}`,
  modelMissing: () => '호출 위치에 모델이 없음',
  maxTokensNotConstant: (n) => `${n.param}이(가) 상수가 아님`,
  boundRequired: (n) => `${n.param} 없음: ${n.provider} API가 요청을 거부함`,
  noMaximum: () => '최대 토큰도, 알려진 모델 최대값도 없음',
  outputNotTokens: (n) => `${n.api} 출력은 여기서 토큰으로 측정되지 않음`,
  dimensionsUnknown: () => '임베딩 차원 알 수 없음',
  providerUnknown: (n) => `모델 '${n.model}'의 제공자를 알 수 없음`,
  noPrice: (n) => `모델 '${n.model}'의 공개 가격 없음`,
  approximateTokens: (n) => `프롬프트 토큰은 근삿값: 토큰당 ${n.charsPerToken}자 (${n.source})`,
  inputAtRunTime: () => '입력 크기는 실행 시에만 알 수 있음 (규모 산정 워크로드가 값을 제공)',
};

const TEMPLATES: Readonly<Record<Lang, Templates>> = { en: EN, ko: KO };

/** Every note id (the report schema's enum is tested against it). */
export const ESTIMATE_NOTE_IDS = Object.keys(EN) as EstimateNoteId[];

/** A note in a language (English: the sentence the JSON report's `unknowns` carries). */
export function noteText(note: EstimateNote, lang: Lang | undefined = 'en'): string {
  const t = TEMPLATES[lang ?? 'en'][note.id] as (n: EstimateNote) => string;
  return t(note);
}

/** The notes that can explain why a call's cost is unknown (a message names the first of them the call has). */
export const COST_NOTE_IDS: ReadonlySet<EstimateNoteId> = new Set([
  'promptAtRunTime',
  'noPrice',
  'maxTokensNotConstant',
  'noMaximum',
  'boundRequired',
  'inputAtRunTime',
]);
