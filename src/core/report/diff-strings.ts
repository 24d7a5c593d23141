// The words of the `diff` command's summary line, tables and footnotes (diff-sections.ts) as a src/core/l10n
// catalogue. Numbers, paths, model, engine and instance names are data and stay as they are.
import { defineMessages, messageOf, translator, type Lang } from '../l10n';

export const DIFF_MESSAGES = defineMessages({
  'summary.llm': { en: '{{delta}}/month LLM API', ko: 'LLM API 월 {{delta}}' },
  'summary.serverless': { en: '{{delta}}/month on {{engine}}', ko: '{{engine}} 월 {{delta}}' },
  'summary.dataNodes': messageOf<{ signed: string; n: number; engine: string }>({
    en: ({ signed, n, engine: e }) => `${signed}${n} data node${n === 1 ? '' : 's'} on ${e}`,
    ko: ({ signed, n, engine: e }) => `${e} 데이터 노드 ${signed}${n}개`,
  }),
  'summary.dataInstance': { en: '{{engine}} data nodes {{from}} → {{to}}', ko: '{{engine}} 데이터 노드 {{from}} → {{to}}' },
  'summary.serverlessWord': { en: 'serverless', ko: '서버리스' },
  'summary.peakAdded': { en: 'peak GPU memory {{peak}} in {{path}}', ko: '{{path}}의 최대 GPU 메모리 {{peak}}' },
  'summary.programRemoved': { en: 'GPU program {{path}} removed', ko: 'GPU 프로그램 {{path}} 삭제' },
  'summary.peakChanged': messageOf<{ before: string; after: string; path: string | null }>({
    en: ({ before: b, after: a, path }) => `peak GPU memory ${b} → ${a}${path ? ` in ${path}` : ''}`,
    ko: ({ before: b, after: a, path }) => `${path ? `${path}의 ` : ''}최대 GPU 메모리 ${b} → ${a}`,
  }),
  'summary.noLongerFits': { en: ': no longer fits the {{gpu}}', ko: ': 이제 {{gpu}}에 들어가지 않음' },
  'summary.nowFits': { en: ': now fits the {{gpu}}', ko: ': 이제 {{gpu}}에 들어감' },
  'summary.fits': { en: ': fits the {{gpu}}', ko: ': {{gpu}}에 들어감' },
  'summary.doesNotFit': messageOf<{ gpu: string; withoutChunking: boolean }>({
    en: ({ gpu: g, withoutChunking: chunk }) => `: does not fit the ${g}${chunk ? ' without chunking' : ''}`,
    ko: ({ gpu: g, withoutChunking: chunk }) => `: ${chunk ? '청크 분할 없이는 ' : ''}${g}에 들어가지 않음`,
  }),
  'summary.newFindings': messageOf<{ n: number }>({
    en: ({ n }) => `${n} new finding${n === 1 ? '' : 's'}`,
    ko: ({ n }) => `새 발견 사항 ${n}건`,
  }),
  'summary.nothing': {
    en: 'No change in cost, GPU memory or databases, and no new findings',
    ko: '비용, GPU 메모리, 데이터베이스 변화와 새 발견 사항이 없습니다',
  },
  unknown: { en: 'unknown', ko: '알 수 없음' },
  workingTree: { en: 'working tree', ko: '작업 트리' },
  'status.added': { en: 'added', ko: '추가' },
  'status.removed': { en: 'removed', ko: '삭제' },
  'status.changed': { en: 'changed', ko: '변경' },
  movedFrom: { en: 'moved from {{where}}', ko: '{{where}}에서 이동' },
  'context.loop': { en: 'loop', ko: '루프' },
  'context.handler': { en: 'handler', ko: '요청 처리기' },
  'context.stored': { en: 'stored', ko: '저장' },
  'context.storedIn': { en: 'stored in {{store}}', ko: '{{store}}에 저장' },
  'context.cache': { en: 'cache', ko: '캐시' },
  maxTokens: { en: 'max {{n}}', ko: '최대 {{n}}' },
  'outputBound.max-tokens': { en: 'max tokens (set at run time)', ko: '최대 토큰 (실행 시 결정)' },
  'outputBound.model-maximum': { en: "model's maximum", ko: '모델 최대치' },
  'outputBound.embedding': { en: 'embedding', ko: '임베딩' },
  'outputBound.unknown': { en: 'unknown', ko: '알 수 없음' },
  'severity.error': { en: 'error', ko: '오류' },
  'severity.warning': { en: 'warning', ko: '경고' },
  'severity.info': { en: 'info', ko: '정보' },
  'calls.title': { en: 'LLM API call sites', ko: 'LLM API 호출 위치' },
  'calls.headers.0': { en: 'Change', ko: '변경' },
  'calls.headers.1': { en: 'Where', ko: '위치' },
  'calls.headers.2': { en: 'Operation', ko: '작업' },
  'calls.headers.3': { en: 'Model', ko: '모델' },
  'calls.headers.4': { en: 'Output bound', ko: '출력 상한' },
  'calls.headers.5': { en: 'Context', ko: '맥락' },
  'calls.headers.6': { en: '$/call', ko: '$/호출' },
  'calls.headers.7': { en: '$/month', ko: '$/월' },
  'calls.headers.8': { en: 'Δ $/month', ko: 'Δ $/월' },
  'gpu.title': { en: 'GPU memory (target {{target}})', ko: 'GPU 메모리 (대상 {{target}})' },
  'gpu.headers.0': { en: 'Program', ko: '프로그램' },
  'gpu.headers.1': { en: 'Peak before', ko: '이전 최대' },
  'gpu.headers.2': { en: 'Peak after', ko: '이후 최대' },
  'gpu.headers.3': { en: 'Verdict before', ko: '이전 판정' },
  'gpu.headers.4': { en: 'Verdict after', ko: '이후 판정' },
  'stores.title': { en: 'Store writes of LLM results', ko: 'LLM 결과의 저장소 쓰기' },
  'stores.headers.0': { en: 'Change', ko: '변경' },
  'stores.headers.1': { en: 'Where', ko: '위치' },
  'stores.headers.2': { en: 'Store', ko: '저장소' },
  'stores.headers.3': { en: 'API', ko: 'API' },
  'databases.title': { en: 'Database sizing', ko: '데이터베이스 규모' },
  'databases.headers.0': { en: 'Engine', ko: '엔진' },
  'databases.headers.1': { en: 'Nodes before', ko: '이전 노드' },
  'databases.headers.2': { en: 'Nodes after', ko: '이후 노드' },
  'databases.headers.3': { en: '$/month before', ko: '이전 $/월' },
  'databases.headers.4': { en: '$/month after', ko: '이후 $/월' },
  'databases.recommended': { en: ' (recommended)', ko: ' (권장)' },
  'databases.serverless': { en: 'serverless ({{partitions}} partitions)', ko: '서버리스 (파티션 {{partitions}}개)' },
  'databases.nodes': messageOf<{ nodes: number; data: number; instance: string | null }>({
    en: ({ nodes: n, data, instance: inst }) => `${n} (${data} data${inst ? ` × ${inst}` : ''})`,
    ko: ({ nodes: n, data, instance: inst }) => `${n} (데이터 ${data}${inst ? ` × ${inst}` : ''})`,
  }),
  'findings.title': { en: 'New findings', ko: '새 발견 사항' },
  'findings.headers.0': { en: 'Severity', ko: '심각도' },
  'findings.headers.1': { en: 'Where', ko: '위치' },
  'findings.headers.2': { en: 'Rule', ko: '규칙' },
  'findings.headers.3': { en: 'Message', ko: '메시지' },
  'footnotes.total': {
    en: "Monthly total (the sizing report's bill, on demand): {{before}} → {{after}} ({{delta}}).",
    ko: '월 합계 (규모 산정 보고서의 청구액, 온디맨드): {{before}} → {{after}} ({{delta}}).',
  },
  'footnotes.fixed': messageOf<{ n: number }>({
    en: ({ n }) => `${n} finding${n === 1 ? '' : 's'} of the base no longer reported.`,
    ko: ({ n }) => `기준 리비전의 발견 사항 ${n}건이 더 이상 보고되지 않습니다.`,
  }),
  'footnotes.renamed': { en: 'Renamed: {{from}} → {{to}}.', ko: '이름 변경: {{from}} → {{to}}.' },
  'footnotes.notAnalysed': messageOf<{ side: 'base' | 'head'; path: string; reason: string }>({
    en: ({ side, path, reason }) => `Not analysed (${side}): ${path}: ${reason}; its changes are missing.`,
    ko: ({ side, path, reason }) => `분석하지 못함 (${side === 'base' ? '기준' : '대상'}): ${path}: ${reason}; 이 파일의 변경은 빠져 있습니다.`,
  }),
  'footnotes.revisions': messageOf<{ base: string; head: string; profile: string | null }>({
    en: ({ base, head, profile }) => `Base ${base}, head ${head}${profile ? `, profile ${profile}` : ''}.`,
    ko: ({ base, head, profile }) => `기준 ${base}, 대상 ${head}${profile ? `, 프로필 ${profile}` : ''}.`,
  }),
});

export const diffText = translator(DIFF_MESSAGES);

type HeaderTable = 'calls' | 'gpu' | 'stores' | 'databases' | 'findings';

/** A table's column headers, in order. */
export function diffHeaders(lang: Lang, table: HeaderTable): string[] {
  const headers: string[] = [];
  for (let i = 0; Object.prototype.hasOwnProperty.call(DIFF_MESSAGES, `${table}.headers.${i}`); i++)
    headers.push(diffText(lang, `${table}.headers.${i}` as `calls.headers.${0}`));
  return headers;
}
