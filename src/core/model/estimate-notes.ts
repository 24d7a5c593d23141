// What the LLM call estimator could not know (sizing/llm-estimate.ts), as message ids with data. The JSON report keeps
// the English sentences (`unknowns`, for readers of the file); every surface that shows a note in a language renders it
// from its id in the catalogue here (a src/core/l10n catalogue), so rewording a note can never change another
// language's output (before, the messages mapped the English sentence back to a phrase by regular expression). One template per id and language, named after the note's
// fields; the catalogue has exactly the note ids and a Korean template for each (the types say so).
import { defineMessages, render, type Lang, type MessageData } from '../l10n';

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

/** One template per note id and language, filled from the note's fields. */
const NOTES = defineMessages({
  promptAtRunTime: { en: 'prompt text known only at run time: {{what}}', ko: '실행 시에만 알 수 있는 프롬프트 텍스트: {{what}}' },
  modelExpr: { en: 'model is {{expr}}', ko: '모델은 {{expr}}' },
  modelMissing: { en: 'model not given at the call site', ko: '호출 위치에 모델이 없음' },
  maxTokensNotConstant: { en: '{{param}} is not a constant', ko: '{{param}}이(가) 상수가 아님' },
  boundRequired: { en: 'no {{param}}: the {{provider}} API rejects the request', ko: '{{param}} 없음: {{provider}} API가 요청을 거부함' },
  noMaximum: { en: 'no max tokens and no known model maximum', ko: '최대 토큰도, 알려진 모델 최대값도 없음' },
  outputNotTokens: { en: '{{api}} output is not measured in tokens here', ko: '{{api}} 출력은 여기서 토큰으로 측정되지 않음' },
  dimensionsUnknown: { en: 'embedding dimensions unknown', ko: '임베딩 차원 알 수 없음' },
  providerUnknown: { en: "provider of model '{{model}}' not known", ko: "모델 '{{model}}'의 제공자를 알 수 없음" },
  noPrice: { en: "no published price for model '{{model}}'", ko: "모델 '{{model}}'의 공개 가격 없음" },
  approximateTokens: {
    en: 'prompt tokens approximate: {{charsPerToken}} characters per token ({{source}})',
    ko: '프롬프트 토큰은 근삿값: 토큰당 {{charsPerToken}}자 ({{source}})',
  },
  inputAtRunTime: {
    en: 'input size known only at run time (the sizing workload supplies it)',
    ko: '입력 크기는 실행 시에만 알 수 있음 (규모 산정 워크로드가 값을 제공)',
  },
} satisfies Record<EstimateNoteId, unknown>);

/** Every note id (the report schema's enum is tested against it). */
export const ESTIMATE_NOTE_IDS = Object.keys(NOTES) as EstimateNoteId[];

/** A note in a language (English: the sentence the JSON report's `unknowns` carries). */
export function noteText(note: EstimateNote, lang: Lang | undefined = 'en'): string {
  const { id, ...data } = note;
  // The note's fields are the template's data (one union member per id, so the id alone does not narrow it).
  return render(NOTES, lang, id, data as MessageData as never);
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
