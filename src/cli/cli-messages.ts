// The command line's own words in every language we ship: usage errors, what it wrote where, and the usage text. A
// catalogue of src/core/l10n like every other surface's; the language is --lang's (English until it is known).
import { defineMessages, messageOf, translator } from '../core/l10n';

const s = (n: number | string) => (Number(n) === 1 ? '' : 's');

export const CLI_MESSAGES = defineMessages({
  badArguments: { en: '{{detail}}', ko: '인수를 읽을 수 없습니다: {{detail}}' },
  unknownCommand: { en: "unknown command '{{command}}'", ko: "알 수 없는 명령 '{{command}}'" },
  missingCommand: { en: 'missing command: scan, report, baseline or diff', ko: '명령이 없습니다: scan, report, baseline, diff 중 하나' },
  lspNeedsStdio: { en: 'lsp needs --stdio', ko: 'lsp에는 --stdio가 필요합니다' },
  baselineOptionsScanOnly: {
    en: '--baseline, --no-baseline and --omit-baselined apply to the scan command',
    ko: '--baseline, --no-baseline, --omit-baselined는 scan 명령에만 쓸 수 있습니다',
  },
  budgetDiffOnly: { en: '--budget applies to the diff command', ko: '--budget은 diff 명령에만 쓸 수 있습니다' },
  // `choices` is the formats joined by commas: English says "a, b or c", Korean lists them.
  formatChoices: messageOf<{ command: string; choices: string; format: string }>({
    en: (d) => {
      const c = d.choices.split(',');
      return `--format for ${d.command} must be ${c.length > 1 ? `${c.slice(0, -1).join(', ')} or ${c[c.length - 1]}` : c[0]}, not '${d.format}'`;
    },
    ko: (d) => `${d.command}의 --format은 ${d.choices.split(',').join(', ')} 중 하나여야 합니다('${d.format}'은(는) 안 됩니다)`,
  }),
  profileChoices: {
    en: "--profile must be low, medium or high, not '{{value}}'",
    ko: "--profile은 low, medium, high 중 하나여야 합니다('{{value}}'은(는) 안 됩니다)",
  },
  profileReportOnly: { en: '--profile and --workload apply to the report command', ko: '--profile과 --workload는 report 명령에만 쓸 수 있습니다' },
  failOnChoices: {
    en: "--fail-on must be error, warning or never, not '{{value}}'",
    ko: "--fail-on은 error, warning, never 중 하나여야 합니다('{{value}}'은(는) 안 됩니다)",
  },
  unknownGpu: { en: "unknown --target-gpu '{{value}}': use one of {{ids}}", ko: "알 수 없는 --target-gpu '{{value}}': {{ids}} 중 하나를 쓰세요" },
  maxFileBytes: {
    en: "--max-file-bytes must be a positive integer, not '{{value}}'",
    ko: "--max-file-bytes는 양의 정수여야 합니다('{{value}}'은(는) 안 됩니다)",
  },
  fileTimeout: {
    en: "--file-timeout must be a number of seconds above 0 and at most 3600, not '{{value}}'",
    ko: "--file-timeout은 0보다 크고 3600 이하인 초 단위 숫자여야 합니다('{{value}}'은(는) 안 됩니다)",
  },
  skippedContradict: {
    en: '--fail-on-skipped and --no-fail-on-skipped contradict each other',
    ko: '--fail-on-skipped와 --no-fail-on-skipped는 함께 쓸 수 없습니다',
  },
  langChoices: { en: "--lang must be en or ko, not '{{value}}'", ko: "--lang은 en 또는 ko여야 합니다('{{value}}'은(는) 안 됩니다)" },
  jobs: { en: "--jobs must be an integer from 0 to 64, not '{{value}}'", ko: "--jobs는 0부터 64까지의 정수여야 합니다('{{value}}'은(는) 안 됩니다)" },
  nothingToScan: { en: 'nothing to scan: {{paths}} not found', ko: '검사할 것이 없습니다: {{paths}}을(를) 찾을 수 없습니다' },
  baselineContradict: { en: '--baseline and --no-baseline contradict each other', ko: '--baseline과 --no-baseline은 함께 쓸 수 없습니다' },
  configProblem: { en: 'config {{field}}: {{message}}', ko: '설정 {{field}}: {{message}}' },
  workloadProblem: { en: 'workload {{field}}: {{message}}', ko: '워크로드 {{field}}: {{message}}' },
  wroteBaseline: messageOf<{ count: number; path: string }>({
    en: (d) => `wrote ${d.count} finding${s(d.count)} to ${d.path}`,
    ko: (d) => `발견 사항 ${d.count}개를 ${d.path}에 썼습니다`,
  }),
  notInBaseline: messageOf<{ count: number; paths: string }>({
    en: (d) => `${d.count} file${s(d.count)} not analysed, so not in the baseline: ${d.paths}`,
    ko: (d) => `파일 ${d.count}개를 분석하지 못해 기준선에 넣지 않았습니다: ${d.paths}`,
  }),
  wroteSizing: messageOf<{ format: string; path: string; charts: number }>({
    en: (d) => `wrote ${d.format} sizing report to ${d.path}${d.charts ? ` (+ ${d.charts} chart SVG${s(d.charts)})` : ''}`,
    ko: (d) => `${d.format} 사이징 보고서를 ${d.path}에 썼습니다${d.charts ? ` (차트 SVG ${d.charts}개 추가)` : ''}`,
  }),
  baselinedHidden: messageOf<{ count: number; source: string }>({
    en: (d) => `${d.count} baselined finding${s(d.count)} hidden (${d.source})`,
    ko: (d) => `기준선에 있는 발견 사항 ${d.count}개를 숨겼습니다 (${d.source})`,
  }),
  wroteReport: messageOf<{ format: string; path: string; count: number }>({
    en: (d) => `wrote ${d.format} report to ${d.path} (${d.count} finding${s(d.count)})`,
    ko: (d) => `${d.format} 보고서를 ${d.path}에 썼습니다 (발견 사항 ${d.count}개)`,
  }),
  notAnalysed: messageOf<{ count: number; list: string; more: number }>({
    en: (d) => `${d.count} file${s(d.count)} not analysed: ${d.list}${d.more ? `; and ${d.more} more` : ''}`,
    ko: (d) => `파일 ${d.count}개를 분석하지 못했습니다: ${d.list}${d.more ? `; 외 ${d.more}개` : ''}`,
  }),
  diffArguments: {
    en: 'diff takes one BASE or BASE..HEAD, not {{count}} arguments',
    ko: 'diff에는 BASE 또는 BASE..HEAD 하나만 줍니다({{count}}개가 주어졌습니다)',
  },
  diffThreeDots: {
    en: "'{{range}}': use BASE..HEAD (two dots); the base is compared as given",
    ko: "'{{range}}': BASE..HEAD(점 두 개)를 쓰세요. 기준은 주어진 그대로 비교합니다",
  },
  diffNotRange: { en: "'{{range}}' is not BASE or BASE..HEAD", ko: "'{{range}}'은(는) BASE나 BASE..HEAD가 아닙니다" },
  diffWorkload: {
    en: '--workload does not apply to diff: each revision uses its own ai-infra-advisor.workload.json',
    ko: '--workload는 diff에 쓸 수 없습니다: 각 리비전은 자기 ai-infra-advisor.workload.json을 씁니다',
  },
  diffBaseline: {
    en: '--baseline does not apply to diff: it reports only findings new in the change',
    ko: '--baseline은 diff에 쓸 수 없습니다: diff는 변경에서 새로 생긴 발견 사항만 보고합니다',
  },
  diffBudget: {
    en: "--budget must be a number of US dollars a month, 0 or more, not '{{value}}'",
    ko: "--budget은 월 미국 달러 금액(0 이상)이어야 합니다('{{value}}'은(는) 안 됩니다)",
  },
  overBudget: {
    en: 'the monthly cost goes up by {{delta}}, above the budget of {{budget}}',
    ko: '월 비용이 {{delta}} 늘어 예산 {{budget}}을(를) 넘습니다',
  },
  wroteDiff: { en: 'wrote {{format}} diff to {{path}}', ko: '{{format}} diff를 {{path}}에 썼습니다' },
  usage: messageOf<{ tool: string; baselineFile: string; gpus: string }>({
    en: ({ tool, baselineFile, gpus }) => `Usage: ${tool} scan [paths...] [options]
       ${tool} report [paths...] [options]
       ${tool} baseline [paths...] [--output FILE]
       ${tool} diff [BASE[..HEAD]] [options]
       ${tool} lsp --stdio
       ${tool} mcp [--root DIR]

scan    reads CUDA, OpenCL, C/C++, Python GPU code and LLM API code (OpenAI, Anthropic, Google GenAI, AWS Bedrock,
        LiteLLM, LangChain, the AI SDK) statically and reports problems with their numbers.
lsp     starts the language server on stdin/stdout (diagnostics, quick fixes, hover, CodeLens) for any LSP editor.
mcp     starts a Model Context Protocol server on stdin/stdout for coding agents (tools scan, sizing_report,
        explain_finding, diff), confined to the root (default: the current folder).
baseline  writes the current findings (stable fingerprints, not line numbers) to ${baselineFile}; scan
        then reports only findings not in it.
diff    what a change costs: call sites, $/month, GPU peak memory, database nodes and new findings between BASE (default:
        the merge base with the default branch) and HEAD (default: the working tree), read from git.
report  sizes the infrastructure for it: GPU fit and chunk plans, database topology per engine, monthly cost,
        growth with traffic and months, and a recommendation.

Options:
  --format FORMAT              scan: text|json|sarif (default text); report: html|md|json|text (default text);
                               diff: text|json|md (default text; md is a pull-request comment)
  --profile low|medium|high    report: usage profile the assumptions start from (default: the workload file's, else medium)
  --workload FILE              report: workload assumptions (default: ai-infra-advisor.workload.json in . or in a scanned folder)
  --output FILE                write the report to FILE instead of standard output
  --config FILE                configuration file (default: ./ai-infra-advisor.config.json if present)
  --target-gpu ID              GPU to check against: ${gpus}
  --fail-on error|warning|never  exit 1 when a finding is at or above this severity (default: error)
  --no-fail-on-skipped         do not exit 1 for files that could not be analysed (a parser failure, the time budget,
                               an unreadable file or name); by default they fail the run, as a finding would
  --file-timeout SECONDS       per-file analysis time budget (default: 10; config analysisTimeoutSeconds)
  --root DIR                   folder paths and report paths are relative to (default: current folder)
  --max-file-bytes N           skip files larger than N bytes (default: 2000000)
  --jobs N                     worker threads for the files (default 1: none; 0: one per core, at most 4)
  --lang en|ko                 language of rule messages, the sizing report and the diff (default: en; ko = Korean)
  --baseline FILE              scan: the baseline to read (default: ${baselineFile} in the root when present)
  --no-baseline                scan: report every finding, baselined or not
  --omit-baselined             scan --format sarif: leave baselined results out (default: marked baselineState "unchanged")
  --budget USD                 diff: exit 1 when the monthly cost increase exceeds USD
  --no-color                   plain text output
  -h, --help                   show this help
  -v, --version                print the version

Exit status: 0 no finding at or above --fail-on and every file analysed, 1 findings at or above it or a file not
analysed (unless --no-fail-on-skipped), 2 usage or configuration error.
`,
    ko: ({ tool, baselineFile, gpus }) => `사용법: ${tool} scan [경로...] [옵션]
        ${tool} report [경로...] [옵션]
        ${tool} baseline [경로...] [--output 파일]
        ${tool} diff [BASE[..HEAD]] [옵션]
        ${tool} lsp --stdio
        ${tool} mcp [--root 폴더]

scan    CUDA, OpenCL, C/C++, Python GPU 코드와 LLM API 코드(OpenAI, Anthropic, Google GenAI, AWS Bedrock, LiteLLM,
        LangChain, AI SDK)를 실행하지 않고 읽어 문제를 수치와 함께 보고합니다.
lsp     표준 입출력으로 언어 서버를 시작합니다(진단, 빠른 수정, 호버, CodeLens). LSP 편집기라면 어디서나 쓸 수 있습니다.
mcp     코딩 에이전트용 Model Context Protocol 서버를 표준 입출력으로 시작합니다(도구: scan, sizing_report,
        explain_finding, diff). 루트(기본: 현재 폴더) 안에서만 동작합니다.
baseline  현재 발견 사항(줄 번호가 아닌 안정적인 지문)을 ${baselineFile}에 씁니다. 이후 scan은 여기에 없는
        발견 사항만 보고합니다.
diff    변경의 비용: BASE(기본: 기본 브랜치와의 merge base)와 HEAD(기본: 작업 트리) 사이의 호출 지점, 월 비용, GPU 최대
        메모리, 데이터베이스 노드, 새 발견 사항을 git에서 읽어 비교합니다.
report  인프라 규모를 산정합니다: GPU 적합성과 청크 계획, 엔진별 데이터베이스 구성, 월 비용, 트래픽과 기간에 따른 증가,
        그리고 권장안.

옵션:
  --format 형식                scan: text|json|sarif (기본 text); report: html|md|json|text (기본 text);
                               diff: text|json|md (기본 text; md는 풀 리퀘스트 댓글)
  --profile low|medium|high    report: 가정의 출발점이 되는 사용량 프로필(기본: 워크로드 파일의 값, 없으면 medium)
  --workload 파일              report: 워크로드 가정(기본: . 또는 검사한 폴더의 ai-infra-advisor.workload.json)
  --output 파일                보고서를 표준 출력 대신 파일에 씁니다
  --config 파일                설정 파일(기본: ./ai-infra-advisor.config.json이 있으면 그 파일)
  --target-gpu ID              비교할 GPU: ${gpus}
  --fail-on error|warning|never  이 심각도 이상의 발견 사항이 있으면 1로 종료합니다(기본: error)
  --no-fail-on-skipped         분석하지 못한 파일(파서 실패, 시간 예산 초과, 읽을 수 없는 파일이나 이름) 때문에 1로
                               종료하지 않습니다. 기본으로는 발견 사항처럼 실행을 실패로 만듭니다
  --file-timeout 초            파일당 분석 시간 예산(기본: 10; 설정 analysisTimeoutSeconds)
  --root 폴더                  경로와 보고서 경로의 기준 폴더(기본: 현재 폴더)
  --max-file-bytes N           N바이트보다 큰 파일은 건너뜁니다(기본: 2000000)
  --jobs N                     파일을 처리할 작업 스레드 수(기본 1: 없음; 0: 코어마다 하나, 최대 4)
  --lang en|ko                 규칙 메시지, 사이징 보고서, diff의 언어(기본: en; ko = 한국어)
  --baseline 파일              scan: 읽을 기준선(기본: 루트에 ${baselineFile}이 있으면 그 파일)
  --no-baseline                scan: 기준선 여부와 상관없이 모든 발견 사항을 보고합니다
  --omit-baselined             scan --format sarif: 기준선에 있는 결과를 뺍니다(기본: baselineState "unchanged"로 표시)
  --budget USD                 diff: 월 비용 증가가 USD를 넘으면 1로 종료합니다
  --no-color                   색 없는 텍스트 출력
  -h, --help                   이 도움말을 보여 줍니다
  -v, --version                버전을 출력합니다

종료 상태: 0 --fail-on 이상의 발견 사항이 없고 모든 파일을 분석함, 1 그런 발견 사항이 있거나 분석하지 못한 파일이 있음
(--no-fail-on-skipped가 아니면), 2 사용법 또는 설정 오류.
`,
  }),
});

export const cliText = translator(CLI_MESSAGES);
