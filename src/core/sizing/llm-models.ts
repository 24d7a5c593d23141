// OpenAI model facts for estimates: model limits (gpt-tokenizer's model specs, loaded with the tokenizers in
// facts/llm-tokens.ts), per-token prices (@pydantic/genai-prices' bundled data, never fetched), and the
// few figures no package ships, each with its source. Nothing here touches the network.
import { calcPrice } from '@pydantic/genai-prices';
import type { LlmApiKind, LlmProvider } from '../model/types';
import { PRICE_PROVIDER_IDS } from '../facts/llm-providers';
import { lookupTable } from '../model/lookup';
import { CHAT_FORMAT_TOKENS, specOf } from '../facts/llm-tokens';

export const LLM_FACTS = {
  /** Batch API: -50% on input and output, 24 h completion window, ≤ 50,000 requests per batch (SIZING-FACTS O5). */
  batchDiscount: 0.5,
  batchWindowHours: 24,
  batchMaxRequests: 50_000,
  /** English text: about 4 characters per token (help.openai.com/en/articles/4936856, SIZING-FACTS O2). */
  bytesPerOutputToken: 4,
  /** Chat formatting per message and priming the reply (facts/llm-tokens.ts, where prompts are counted). */
  tokensPerMessage: CHAT_FORMAT_TOKENS.perMessage,
  tokensReplyPriming: CHAT_FORMAT_TOKENS.replyPriming,
  /** SDK defaults when the client sets none: 10-minute timeout, 2 retries (openai-node and openai-python READMEs). */
  sdkDefaultTimeoutMs: 600_000,
  sdkDefaultMaxRetries: 2,
  /**
   * openai-python < 1.0 (the module-level `openai.ChatCompletion.create`): each request waits up to TIMEOUT_SECS = 600 s
   * unless `request_timeout` is given (openai/api_requestor.py of openai-python v0.28, github.com/openai/openai-python at
   * fd64ab91, read 2026-12-04).
   */
  legacyPythonTimeoutS: 600,
  /** Embedding widths (SIZING-FACTS O1); `dimensions` shortens text-embedding-3-*. */
  embeddingDims: lookupTable({ 'text-embedding-3-small': 1536, 'text-embedding-3-large': 3072, 'text-embedding-ada-002': 1536 } as Record<
    string,
    number
  >),
  /** A float as the API prints it in JSON (`-0.0069292835,` ≈ 13 characters incl. the separator), for raw-HTTP float responses. */
  bytesPerEmbeddingFloatJson: 13,
  source:
    'gpt-tokenizer 4.0.0 (encodings, model limits); @pydantic/genai-prices 0.1.8 bundled data (prices); OpenAI pricing and Batch API guide (platform.openai.com/docs/guides/batch), OpenAI Help Center on tokens (read 2026-11-24)',
} as const;

/**
 * Representative response bodies without their generated content, per API, as documented in the API reference.
 * Their serialised length is the per-response envelope added to the content bytes.
 */
const ENVELOPES: Record<LlmApiKind, unknown> = {
  chat: {
    id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
    object: 'chat.completion',
    created: 1741569952,
    model: 'gpt-4o-2024-08-06',
    choices: [{ index: 0, message: { role: 'assistant', content: '', refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
    usage: {
      prompt_tokens: 19,
      completion_tokens: 10,
      total_tokens: 29,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_50cad350e4',
  },
  responses: {
    id: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b',
    object: 'response',
    created_at: 1741476542,
    status: 'completed',
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    model: 'gpt-4.1-2025-04-14',
    output: [
      {
        type: 'message',
        id: 'msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: '', annotations: [] }],
      },
    ],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    store: true,
    temperature: 1,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    truncation: 'disabled',
    usage: {
      input_tokens: 36,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 87,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 123,
    },
    user: null,
    metadata: {},
  },
  completions: {
    id: 'cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7',
    object: 'text_completion',
    created: 1589478378,
    model: 'gpt-3.5-turbo-instruct',
    system_fingerprint: 'fp_44709d6fcb',
    choices: [{ text: '', index: 0, logprobs: null, finish_reason: 'length' }],
    usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
  },
  embeddings: {
    object: 'list',
    data: [{ object: 'embedding', embedding: [], index: 0 }],
    model: 'text-embedding-3-small',
    usage: { prompt_tokens: 8, total_tokens: 8 },
  },
  images: {
    created: 1713833628,
    data: [{ b64_json: '' }],
    usage: { total_tokens: 100, input_tokens: 50, output_tokens: 50, input_tokens_details: { text_tokens: 10, image_tokens: 40 } },
  },
  audio: {
    text: '',
    usage: { type: 'tokens', input_tokens: 14, input_token_details: { text_tokens: 0, audio_tokens: 14 }, output_tokens: 45, total_tokens: 59 },
  },
  batch: {
    id: 'batch_abc123',
    object: 'batch',
    endpoint: '/v1/chat/completions',
    errors: null,
    input_file_id: 'file-abc123',
    completion_window: '24h',
    status: 'validating',
    output_file_id: null,
    error_file_id: null,
    created_at: 1711471533,
    in_progress_at: null,
    expires_at: null,
    finalizing_at: null,
    completed_at: null,
    failed_at: null,
    expired_at: null,
    cancelling_at: null,
    cancelled_at: null,
    request_counts: { total: 0, completed: 0, failed: 0 },
    metadata: {},
  },
};
export function envelopeBytes(api: LlmApiKind): number {
  return Buffer.byteLength(JSON.stringify(ENVELOPES[api]));
}

export interface ModelLimits {
  maxOutputTokens: number | null;
  contextWindow: number | null;
}

/** Output and context limits: gpt-tokenizer's model specs for OpenAI; the price data's context window for the others. */
export function modelLimits(model: string | null, provider?: LlmProvider | null): ModelLimits {
  if (provider && provider !== 'openai' && provider !== 'azure-openai')
    return { maxOutputTokens: null, contextWindow: model ? (priceOf(model, provider)?.contextWindow ?? null) : null };
  const spec = model ? specOf(model) : undefined;
  return { maxOutputTokens: spec?.max_output_tokens ?? null, contextWindow: spec?.context_window ?? null };
}

// ---- prices -----------------------------------------------------------------------------------------------

export interface ModelPrice {
  model: string;
  inputPerMTok: number;
  outputPerMTok: number;
  cachedInputPerMTok: number | null;
  /** Batch API price: the published 50% discount on input and output. */
  batchInputPerMTok: number;
  batchOutputPerMTok: number;
  /** Anthropic: 5-minute cache writes (1.25× input) as the price data lists them; null where the provider has none. */
  cacheWritePerMTok: number | null;
  provider: LlmProvider;
  contextWindow: number | null;
  source: string;
}

const priceCache = new Map<string, ModelPrice | null>();
const baseOf = (p: unknown): number | null =>
  typeof p === 'number' ? p : p && typeof p === 'object' && 'base' in p ? Number((p as { base: number }).base) : null;

/**
 * Per-million-token prices for a model of a provider (OpenAI when none is given), or null when the price data does
 * not know it: never guessed. Batch: -50% on input and output for OpenAI (Batch API guide), Anthropic (Message
 * Batches API, docs.anthropic.com/en/docs/build-with-claude/batch-processing) and Bedrock batch inference (aws.amazon.com/bedrock/pricing);
 * Google's Batch Mode is also 50% of the interactive price (ai.google.dev/gemini-api/docs/batch-mode), all read 2026-12-03.
 */
export function priceOf(model: string | null, provider: LlmProvider = 'openai'): ModelPrice | null {
  if (!model) return null;
  const key = `${provider}\u0000${model}`;
  if (priceCache.has(key)) return priceCache.get(key)!;
  let price: ModelPrice | null = null;
  try {
    const r = calcPrice({ input_tokens: 1_000_000, output_tokens: 1_000_000 }, model, { providerId: PRICE_PROVIDER_IDS[provider] });
    const mp = r?.model_price as Record<string, unknown> | undefined;
    const input = baseOf(mp?.input_mtok);
    if (r && mp && input !== null) {
      const output = baseOf(mp.output_mtok) ?? 0;
      price = {
        model: r.model.id,
        inputPerMTok: input,
        outputPerMTok: output,
        cachedInputPerMTok: baseOf(mp.cache_read_mtok),
        cacheWritePerMTok: baseOf(mp.cache_write_mtok),
        batchInputPerMTok: input * (1 - LLM_FACTS.batchDiscount),
        batchOutputPerMTok: output * (1 - LLM_FACTS.batchDiscount),
        provider,
        contextWindow: r.model.context_window ?? null,
        source: `@pydantic/genai-prices 0.1.8 (${r.provider.name} list prices); Batch -50% per the provider's batch API`,
      };
    }
  } catch {
    price = null;
  }
  priceCache.set(key, price);
  return price;
}

/**
 * A response's `usage` as each provider reports it. OpenAI counts cached tokens inside the prompt total
 * (`prompt_tokens` includes `prompt_tokens_details.cached_tokens`; platform.openai.com/docs/guides/prompt-caching).
 * Anthropic reports them beside it: `input_tokens` is only the uncached part, `cache_read_input_tokens` and
 * `cache_creation_input_tokens` come in addition (docs.anthropic.com/en/docs/build-with-claude/prompt-caching,
 * "Tracking cache performance"; read 2026-12-03). Google (`promptTokenCount` includes `cachedContentTokenCount`,
 * ai.google.dev/api/generate-content#UsageMetadata) and Bedrock Converse (`inputTokens` excludes `cacheReadInputTokens`
 * / `cacheWriteInputTokens`, docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_TokenUsage.html) follow one of the two.
 */
export type ReportedUsage =
  | { provider: 'openai' | 'azure-openai'; prompt_tokens: number; completion_tokens: number; cached_tokens?: number }
  | { provider: 'anthropic'; input_tokens: number; output_tokens: number; cache_read_input_tokens?: number; cache_creation_input_tokens?: number }
  | { provider: 'google'; promptTokenCount: number; candidatesTokenCount: number; cachedContentTokenCount?: number }
  | { provider: 'bedrock'; inputTokens: number; outputTokens: number; cacheReadInputTokens?: number; cacheWriteInputTokens?: number };

/** The usage in @pydantic/genai-prices' terms: `input_tokens` is the whole input, cache reads and writes parts of it. */
export function pricingUsage(u: ReportedUsage): {
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
} {
  switch (u.provider) {
    case 'openai':
    case 'azure-openai':
      return { input_tokens: u.prompt_tokens, output_tokens: u.completion_tokens, cache_read_tokens: u.cached_tokens ?? 0, cache_write_tokens: 0 };
    case 'anthropic': {
      const read = u.cache_read_input_tokens ?? 0;
      const write = u.cache_creation_input_tokens ?? 0;
      return { input_tokens: u.input_tokens + read + write, output_tokens: u.output_tokens, cache_read_tokens: read, cache_write_tokens: write };
    }
    case 'google':
      return {
        input_tokens: u.promptTokenCount,
        output_tokens: u.candidatesTokenCount,
        cache_read_tokens: u.cachedContentTokenCount ?? 0,
        cache_write_tokens: 0,
      };
    case 'bedrock': {
      const read = u.cacheReadInputTokens ?? 0;
      const write = u.cacheWriteInputTokens ?? 0;
      return { input_tokens: u.inputTokens + read + write, output_tokens: u.outputTokens, cache_read_tokens: read, cache_write_tokens: write };
    }
  }
}

/** What a response with this usage costs, by the price data (cache reads and writes at their own prices); null: no price. */
export function costOfUsage(model: string, usage: ReportedUsage): number | null {
  try {
    return calcPrice(pricingUsage(usage), model, { providerId: PRICE_PROVIDER_IDS[usage.provider] })?.total_price ?? null;
  } catch {
    return null;
  }
}
