// OpenAI model facts for estimates: token counting (gpt-tokenizer, the model's own BPE encoding), model limits
// (gpt-tokenizer's model specs), per-token prices (@pydantic/genai-prices' bundled data, never fetched), and the
// few figures no package ships, each with its source. Nothing here touches the network.
import { calcPrice } from '@pydantic/genai-prices';
import type { LlmApiKind, LlmProvider, TokenCountMethod } from '../model/types';
import { PRICE_PROVIDER_IDS } from '../facts/llm-providers';
import { lookupTable, own } from '../model/lookup';

type Encoder = { encode(text: string, options?: { allowedSpecial?: Set<string> | string; disallowedSpecial?: Set<string> | string }): number[] };

export const LLM_FACTS = {
  /** Batch API: -50% on input and output, 24 h completion window, ≤ 50,000 requests per batch (SIZING-FACTS O5). */
  batchDiscount: 0.5,
  batchWindowHours: 24,
  batchMaxRequests: 50_000,
  /** English text: about 4 characters per token (help.openai.com/en/articles/4936856, SIZING-FACTS O2). */
  bytesPerOutputToken: 4,
  /** Chat formatting: 3 tokens per message plus 3 priming the reply (openai-cookbook How_to_count_tokens_with_tiktoken). */
  tokensPerMessage: 3,
  tokensReplyPriming: 3,
  /** SDK defaults when the client sets none: 10-minute timeout, 2 retries (openai-node and openai-python READMEs). */
  sdkDefaultTimeoutMs: 600_000,
  sdkDefaultMaxRetries: 2,
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

// ---- tokenizers -------------------------------------------------------------------------------------------

type EncodingName = 'o200k_base' | 'cl100k_base';
const encoders: Partial<Record<EncodingName, Encoder>> = {};
let encodingOf: Record<string, string> | null = null;
let specs: Record<string, { max_output_tokens?: number; context_window?: number } | undefined> = {};

/**
 * Loads the model tables once (which encoding and limits each model has). The BPE tables themselves load on the
 * first count that needs them (o200k_base ≈ 33 MB of heap and 160 ms, cl100k_base ≈ 15 MB): a project whose calls
 * carry no literal prompt text, or use one family of models, never pays for the other.
 */
export async function loadTokenizers(): Promise<void> {
  if (encodingOf) return;
  const [mapping, models] = await Promise.all([import('gpt-tokenizer/mapping'), import('gpt-tokenizer/models.gen')]);
  encodingOf = (mapping as unknown as { modelToEncodingMap: Record<string, string> }).modelToEncodingMap;
  specs = models as unknown as typeof specs;
}

function encoder(name: EncodingName): Encoder {
  // Plain requires, one per table, so the bundler keeps each table as a module evaluated on first use.
  /* eslint-disable @typescript-eslint/no-require-imports */
  encoders[name] ??= (
    name === 'cl100k_base' ? require('gpt-tokenizer/encoding/cl100k_base') : require('gpt-tokenizer/encoding/o200k_base')
  ) as Encoder;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return encoders[name]!;
}

/** The encoding a model uses; unknown and new models use o200k_base, as the SDK's tokenizer does. */
export function encodingFor(model: string | null): EncodingName {
  return model && own(encodingOf, model) === 'cl100k_base' ? 'cl100k_base' : 'o200k_base';
}

export function countTokens(text: string, model: string | null): number {
  if (!text) return 0;
  if (!encodingOf) throw new Error('loadTokenizers() must run before countTokens()');
  // Special-token text in a prompt (`<|endoftext|>`) is ordinary text to the API; never throw on it.
  return encoder(encodingFor(model)).encode(text, { allowedSpecial: new Set(), disallowedSpecial: new Set() }).length;
}

/**
 * Characters per token for providers whose tokenizer is not available offline. Google: "For Gemini models, a token is
 * equivalent to about 4 characters" (ai.google.dev/gemini-api/docs/tokens, read 2026-12-03). Anthropic and the
 * models behind Bedrock publish no ratio and no offline tokenizer (Claude's count needs the count_tokens API), so
 * the same 4 characters per English token is used (OpenAI Help Center 4936856): an approximation, marked as one.
 */
export const CHARS_PER_TOKEN: Readonly<Record<Exclude<LlmProvider, 'openai' | 'azure-openai'>, TokenCountMethod>> = {
  google: {
    method: 'chars-per-token',
    charsPerToken: 4,
    source: 'ai.google.dev/gemini-api/docs/tokens: about 4 characters per Gemini token (read 2026-12-03)',
  },
  anthropic: {
    method: 'chars-per-token',
    charsPerToken: 4,
    source: 'no public Claude tokenizer; 4 characters per English token (help.openai.com/en/articles/4936856) as an approximation',
  },
  bedrock: {
    method: 'chars-per-token',
    charsPerToken: 4,
    source: "the Bedrock model's tokenizer is not public; 4 characters per English token (help.openai.com/en/articles/4936856) as an approximation",
  },
};
const BPE: TokenCountMethod = { method: 'bpe', source: "gpt-tokenizer (the OpenAI model's own encoding)" };

/** How a provider's prompt is counted: OpenAI's own BPE, else an approximate characters-per-token ratio. */
export function tokenCountMethod(provider: LlmProvider | null | undefined): TokenCountMethod {
  return !provider || provider === 'openai' || provider === 'azure-openai' ? BPE : CHARS_PER_TOKEN[provider];
}

/** Prompt tokens: the literal parts through the model's encoding, plus chat formatting for message-based APIs. */
export function promptTokens(literals: string[], messages: number, api: LlmApiKind, model: string | null, provider?: LlmProvider | null): number {
  const method = tokenCountMethod(provider);
  // Not OpenAI: characters over the stated ratio, with no OpenAI chat-formatting overhead (that overhead is OpenAI's).
  if (method.method === 'chars-per-token') return literals.reduce((sum, s) => sum + Math.ceil(s.length / method.charsPerToken!), 0);
  const text = literals.reduce((sum, s) => sum + countTokens(s, model), 0);
  return api === 'chat' || api === 'responses' ? text + messages * LLM_FACTS.tokensPerMessage + (messages ? LLM_FACTS.tokensReplyPriming : 0) : text;
}

export interface ModelLimits {
  maxOutputTokens: number | null;
  contextWindow: number | null;
}

/** Output and context limits: gpt-tokenizer's model specs for OpenAI; the price data's context window for the others. */
export function modelLimits(model: string | null, provider?: LlmProvider | null): ModelLimits {
  if (provider && provider !== 'openai' && provider !== 'azure-openai')
    return { maxOutputTokens: null, contextWindow: model ? (priceOf(model, provider)?.contextWindow ?? null) : null };
  const spec = model ? own(specs, model) : undefined;
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
