// Prompt tokens as the analysis counts them: OpenAI models through their own BPE encoding (gpt-tokenizer, loaded
// offline), other providers by a stated characters-per-token ratio, plus OpenAI's chat formatting. Facts count tokens
// at each call site; sizing (sizing/llm-models.ts) prices them, so this module sits in facts and imports no sizing.
import type { LlmApiKind, LlmProvider, TokenCountMethod } from '../model/types';
import { own } from '../model/lookup';

type Encoder = { encode(text: string, options?: { allowedSpecial?: Set<string> | string; disallowedSpecial?: Set<string> | string }): number[] };

/** Chat formatting: 3 tokens per message plus 3 priming the reply (openai-cookbook How_to_count_tokens_with_tiktoken). */
export const CHAT_FORMAT_TOKENS = { perMessage: 3, replyPriming: 3 } as const;

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
/** gpt-tokenizer's limits of a model (output tokens, context window), once loadTokenizers() ran. */
export function specOf(model: string): { max_output_tokens?: number; context_window?: number } | undefined {
  return own(specs, model);
}

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
  return api === 'chat' || api === 'responses'
    ? text + messages * CHAT_FORMAT_TOKENS.perMessage + (messages ? CHAT_FORMAT_TOKENS.replyPriming : 0)
    : text;
}
