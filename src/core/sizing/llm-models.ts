// OpenAI model facts for estimates: token counting (gpt-tokenizer, the model's own BPE encoding), model limits
// (gpt-tokenizer's model specs), per-token prices (@pydantic/genai-prices' bundled data, never fetched), and the
// few figures no package ships, each with its source. Nothing here touches the network.
import { calcPrice } from '@pydantic/genai-prices';
import type { LlmApiKind } from '../model/types';
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
  embeddingDims: lookupTable({ 'text-embedding-3-small': 1536, 'text-embedding-3-large': 3072, 'text-embedding-ada-002': 1536 } as Record<string, number>),
  /** A float as the API prints it in JSON (`-0.0069292835,` ≈ 13 characters incl. the separator), for raw-HTTP float responses. */
  bytesPerEmbeddingFloatJson: 13,
  source: 'gpt-tokenizer 4.0.0 (encodings, model limits); @pydantic/genai-prices 0.1.8 bundled data (prices); OpenAI pricing and Batch API guide (platform.openai.com/docs/guides/batch), OpenAI Help Center on tokens (read 2026-11-24)',
} as const;

/**
 * Representative response bodies without their generated content, per API, as documented in the API reference.
 * Their serialised length is the per-response envelope added to the content bytes.
 */
const ENVELOPES: Record<LlmApiKind, unknown> = {
  chat: { id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT', object: 'chat.completion', created: 1741569952, model: 'gpt-4o-2024-08-06', choices: [{ index: 0, message: { role: 'assistant', content: '', refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }], usage: { prompt_tokens: 19, completion_tokens: 10, total_tokens: 29, prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 } }, service_tier: 'default', system_fingerprint: 'fp_50cad350e4' },
  responses: { id: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b', object: 'response', created_at: 1741476542, status: 'completed', error: null, incomplete_details: null, instructions: null, max_output_tokens: null, model: 'gpt-4.1-2025-04-14', output: [{ type: 'message', id: 'msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: '', annotations: [] }] }], parallel_tool_calls: true, previous_response_id: null, reasoning: { effort: null, summary: null }, store: true, temperature: 1, text: { format: { type: 'text' } }, tool_choice: 'auto', tools: [], top_p: 1, truncation: 'disabled', usage: { input_tokens: 36, input_tokens_details: { cached_tokens: 0 }, output_tokens: 87, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 123 }, user: null, metadata: {} },
  completions: { id: 'cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7', object: 'text_completion', created: 1589478378, model: 'gpt-3.5-turbo-instruct', system_fingerprint: 'fp_44709d6fcb', choices: [{ text: '', index: 0, logprobs: null, finish_reason: 'length' }], usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 } },
  embeddings: { object: 'list', data: [{ object: 'embedding', embedding: [], index: 0 }], model: 'text-embedding-3-small', usage: { prompt_tokens: 8, total_tokens: 8 } },
  images: { created: 1713833628, data: [{ b64_json: '' }], usage: { total_tokens: 100, input_tokens: 50, output_tokens: 50, input_tokens_details: { text_tokens: 10, image_tokens: 40 } } },
  audio: { text: '', usage: { type: 'tokens', input_tokens: 14, input_token_details: { text_tokens: 0, audio_tokens: 14 }, output_tokens: 45, total_tokens: 59 } },
  batch: { id: 'batch_abc123', object: 'batch', endpoint: '/v1/chat/completions', errors: null, input_file_id: 'file-abc123', completion_window: '24h', status: 'validating', output_file_id: null, error_file_id: null, created_at: 1711471533, in_progress_at: null, expires_at: null, finalizing_at: null, completed_at: null, failed_at: null, expired_at: null, cancelling_at: null, cancelled_at: null, request_counts: { total: 0, completed: 0, failed: 0 }, metadata: {} },
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
  encoders[name] ??= (name === 'cl100k_base' ? require('gpt-tokenizer/encoding/cl100k_base') : require('gpt-tokenizer/encoding/o200k_base')) as Encoder;
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

/** Prompt tokens: the literal parts through the model's encoding, plus chat formatting for message-based APIs. */
export function promptTokens(literals: string[], messages: number, api: LlmApiKind, model: string | null): number {
  const text = literals.reduce((sum, s) => sum + countTokens(s, model), 0);
  return api === 'chat' || api === 'responses' ? text + messages * LLM_FACTS.tokensPerMessage + (messages ? LLM_FACTS.tokensReplyPriming : 0) : text;
}

export interface ModelLimits {
  maxOutputTokens: number | null;
  contextWindow: number | null;
}

export function modelLimits(model: string | null): ModelLimits {
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
  source: string;
}

const priceCache = new Map<string, ModelPrice | null>();
const baseOf = (p: unknown): number | null => (typeof p === 'number' ? p : p && typeof p === 'object' && 'base' in p ? Number((p as { base: number }).base) : null);

/** Per-million-token prices for an OpenAI model, or null when the model is unknown: never guessed. */
export function priceOf(model: string | null): ModelPrice | null {
  if (!model) return null;
  if (priceCache.has(model)) return priceCache.get(model)!;
  let price: ModelPrice | null = null;
  try {
    const r = calcPrice({ input_tokens: 1_000_000, output_tokens: 1_000_000 }, model, { providerId: 'openai' });
    const mp = r?.model_price as Record<string, unknown> | undefined;
    const input = baseOf(mp?.input_mtok);
    if (r && mp && input !== null) {
      const output = baseOf(mp.output_mtok) ?? 0;
      price = {
        model: r.model.id, inputPerMTok: input, outputPerMTok: output, cachedInputPerMTok: baseOf(mp.cache_read_mtok),
        batchInputPerMTok: input * (1 - LLM_FACTS.batchDiscount), batchOutputPerMTok: output * (1 - LLM_FACTS.batchDiscount),
        source: '@pydantic/genai-prices 0.1.8 (OpenAI list prices); Batch -50% per the OpenAI Batch API guide',
      };
    }
  } catch {
    price = null;
  }
  priceCache.set(model, price);
  return price;
}
