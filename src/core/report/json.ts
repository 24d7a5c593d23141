// The JSON report: the stable, schema-checked form of an AnalysisResult (docs/report.schema.json). Every string in it
// passes the credential choke point (redactDeep), whichever field carried it from the source.
import { BIDI_CONTROLS } from './control-chars';
import { problemsIn } from '../config';
import type { AnalysisResult } from '../analyze';
import { relative } from 'node:path';
import { deviceBytes, openclMaxAllocBytes } from '../sizing/gpu-catalog';
import { LLM_FACTS } from '../sizing/llm-models';
import { redactDeep } from '../model/redact';

export const REPORT_SCHEMA_ID = 'https://github.com/ai-infra-advisor/ai-infra-advisor/docs/report.schema.json';

/** Notes that apply to every number in the report: how sizes were computed. */
export const ACCOUNTING_NOTES = [
  'Sizes come from constant folding of the source; a size that depends on run-time values is shown as an expression with its unknown names, never as a number.',
  'Peak device bytes: allocations minus frees in source order within each function; the file peak is the largest function peak (calls between functions are not followed). With unknown sizes the peak is a lower bound.',
  'An allocation inside a loop with no free of the same pointer in that loop counts once per iteration (C/C++/CUDA) or once (Python, where rebinding releases the old array to the pool).',
  'C type sizes follow the LP64 data model (Linux/macOS x86-64 and AArch64); see assumptions.typeSizes.',
  'GPU memory is the vendor figure read as GiB; the OpenCL per-buffer limit is the catalog fraction of it unless the code queries CL_DEVICE_MAX_MEM_ALLOC_SIZE.',
];

/** How the LLM API figures were computed, with their sources (see src/core/sizing/llm-models.ts). */
export const LLM_NOTES = [
  `Input tokens: the literal parts of each prompt counted with the model's own encoding (gpt-tokenizer; o200k_base, cl100k_base for older models) plus ${LLM_FACTS.tokensPerMessage} tokens per chat message and ${LLM_FACTS.tokensReplyPriming} for the reply; parts known only at run time are listed in unknowns and the count is a lower bound. Other providers (Anthropic, Google, Bedrock): no offline tokenizer, so 4 characters per token (Google's stated ratio for Gemini; OpenAI's rule of thumb for the others), marked per call in tokenCount and unknowns as approximate.`,
  "Output tokens: the max-tokens parameter (x n) when it is a constant; otherwise the model's maximum output tokens (gpt-tokenizer model table), an upper bound.",
  `Response bytes: output tokens x ${LLM_FACTS.bytesPerOutputToken} bytes (≈ 4 characters per English token, help.openai.com 4936856) plus the JSON envelope of the documented response object; streaming adds one chunk envelope per token; embeddings: base64 float32 from the SDKs, JSON floats over raw HTTP.`,
  `Prices: each call's provider's list prices (OpenAI, Anthropic, Google, AWS Bedrock) from @pydantic/genai-prices' bundled data (never fetched); batch APIs at ${LLM_FACTS.batchDiscount * 100}% off input and output. A model without a published price has estCostUsd null, never a guess.`,
  'Stores: the result is followed within its function, through one level of same-file helpers; a TTL index or table setting made in another file is not seen.',
];

export function toJsonReport(result: AnalysisResult): object {
  const severities = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) severities[f.severity]++;
  const gpu = result.targetGpu;
  return redactDeep({
    $schema: REPORT_SCHEMA_ID,
    tool: result.tool,
    // Paths relative to the scanned root keep reports identical across machines.
    config: { ...result.config, source: result.configSource ? relative(result.root, result.configSource) || result.configSource : null },
    configProblems: problemsIn(result.configProblems, result.config.lang),
    targetGpu: {
      id: gpu.id,
      name: gpu.name,
      memoryGiB: gpu.memoryGiB,
      deviceBytes: deviceBytes(gpu),
      openclMaxAllocBytes: openclMaxAllocBytes(gpu),
      source: gpu.source,
      sourceDate: gpu.sourceDate,
    },
    summary: {
      errors: severities.error,
      warnings: severities.warning,
      infos: severities.info,
      filesConsidered: result.stats.filesConsidered,
      filesParsed: result.stats.filesParsed,
      filesSkipped: result.skipped.length,
      filesNotAnalysed: result.skipped.filter((s) => s.failed).length,
    },
    files: result.files.map((f) => ({
      path: f.path,
      ...(f.language ? { language: f.language } : {}),
      ...(f.bytes !== undefined ? { bytes: f.bytes } : {}),
      ...(f.skipped ? { skipped: f.skipped } : {}),
      ...(f.failed ? { notAnalysed: true } : {}),
      ...(f.warnings ? { warnings: f.warnings } : {}),
      ...(f.prefiltered ? { prefiltered: true } : {}),
      ...(f.parseErrors ? { parseErrors: f.parseErrors } : {}),
      ...(f.ruleErrors ? { ruleErrors: f.ruleErrors } : {}),
    })),
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      messageId: f.messageId,
      severity: f.severity,
      message: f.message,
      path: f.path,
      range: f.range,
      ...(f.fixes ? { fixes: f.fixes } : {}),
      ...(f.related ? { related: f.related } : {}),
    })),
    gpu: result.gpu,
    llm: result.llm.map((f) => ({
      path: f.path,
      language: f.language,
      persisted: f.persisted,
      store: f.store,
      stores: f.stores,
      cacheBeforeCall: f.cacheBeforeCall,
      ttl: f.ttl,
      secrets: f.secrets,
      calls: f.calls.map((c) => ({
        ...c,
        store: c.store
          ? {
              kind: c.store.kind,
              engine: c.store.engine,
              api: c.store.api,
              line: c.store.line,
              ttl: c.store.ttl,
              viaHelper: c.store.viaHelper,
              ...(c.store.at ? { at: c.store.at } : {}),
            }
          : null,
      })),
    })),
    assumptions: { typeSizes: result.assumedTypeSizes, notes: [...ACCOUNTING_NOTES, ...(result.llm.length ? LLM_NOTES : [])] },
  });
}

/** Characters JSON.stringify leaves raw that can reorder or hide text where the JSON is shown (C1, bidi, separators, invisibles). */
const UNSAFE_IN_JSON = new RegExp(`[\\u007f-\\u009f${BIDI_CONTROLS}\\u200b-\\u200d\\u2028\\u2029\\u2060-\\u2064\\ufeff]`, 'g');

/** JSON text for a report: the same data, with those characters written as \uXXXX escapes. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
