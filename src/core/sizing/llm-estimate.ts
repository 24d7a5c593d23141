// Per-call estimates from OpenAI call-site facts: input and output tokens, response bytes, $/call on demand and
// through the Batch API. A figure that cannot be known statically is null (or a lower bound) and the reason is
// named in `unknowns`: never a silent zero.
import type { LlmCallFact, LlmCallSummary, LlmFileFacts, LlmFileSummary, StoreKind } from '../model/types';
import { maskKeysIn } from '../facts/llm-api-table';
import { envelopeBytes, LLM_FACTS, modelLimits, priceOf } from './llm-models';
import { tokenCountMethod } from '../facts/llm-tokens';
import { PROVIDER_NAMES } from '../facts/llm-providers';
import { noteText, type EstimateNote } from '../model/estimate-notes';

export function estimateCall(call: LlmCallFact): LlmCallSummary {
  const notes: EstimateNote[] = [];
  const unknowns = { push: (n: EstimateNote) => notes.push(n) };
  if (call.promptUnknowns.length)
    unknowns.push({ id: 'promptAtRunTime', what: `${call.promptUnknowns.slice(0, 3).join(', ')}${call.promptUnknowns.length > 3 ? ', …' : ''}` });
  if (!call.model) unknowns.push(call.modelExpr ? { id: 'modelExpr', expr: call.modelExpr } : { id: 'modelMissing' });

  const provider = call.provider ?? (call.via === 'azure-openai' ? 'azure-openai' : 'openai');
  let estOutputTokens: number | null = null;
  let outputBound: LlmCallSummary['outputBound'] = 'unknown';
  if (call.api === 'embeddings') {
    estOutputTokens = 0;
    outputBound = 'embedding';
  } else if (call.api === 'chat' || call.api === 'responses' || call.api === 'completions') {
    if (call.maxTokens !== null) {
      estOutputTokens = call.maxTokens * call.n;
      outputBound = 'max-tokens';
    } else if (call.maxTokensParam) {
      unknowns.push({ id: 'maxTokensNotConstant', param: call.maxTokensParam });
    } else {
      const limit = modelLimits(call.model, provider).maxOutputTokens;
      if (limit !== null) {
        estOutputTokens = limit * call.n;
        outputBound = 'model-maximum';
      } else
        unknowns.push(
          call.maxTokensRequired
            ? { id: 'boundRequired', param: call.maxTokensName ?? 'max tokens', provider: PROVIDER_NAMES[provider] }
            : { id: 'noMaximum' },
        );
    }
  } else unknowns.push({ id: 'outputNotTokens', api: call.api });

  let estResponseBytes: number | null = null;
  const dims = call.api === 'embeddings' ? (call.dimensions ?? (call.model ? (LLM_FACTS.embeddingDims[call.model] ?? null) : null)) : null;
  if (call.api === 'embeddings') {
    if (dims === null) unknowns.push({ id: 'dimensionsUnknown' });
    else {
      // The SDKs ask for base64 (4 bytes per float, 4/3 expansion); raw HTTP gets JSON floats by default.
      const perVector = call.via === 'http' ? dims * LLM_FACTS.bytesPerEmbeddingFloatJson : Math.ceil((dims * 4) / 3) * 4;
      estResponseBytes = envelopeBytes('embeddings') + perVector * (call.batchInputs ?? 1);
    }
  } else if (estOutputTokens !== null) {
    const content = estOutputTokens * LLM_FACTS.bytesPerOutputToken;
    // What the program receives and may store: the content plus one response envelope (a stream delivers the same
    // text in chunks; the accumulated text is what gets stored).
    estResponseBytes = envelopeBytes(call.api) + content;
  }

  const price = call.provider === null ? null : priceOf(call.model, provider);
  let estCostUsd: number | null = null;
  let estBatchCostUsd: number | null = null;
  if (call.model && !price)
    unknowns.push(call.provider === null ? { id: 'providerUnknown', model: call.model } : { id: 'noPrice', model: call.model });
  const counted = tokenCountMethod(call.provider);
  if (counted.method === 'chars-per-token')
    unknowns.push({ id: 'approximateTokens', charsPerToken: counted.charsPerToken ?? 0, source: counted.source });
  // An unknown prompt and no output tokens (embeddings of run-time text) would price at $0: say unknown instead.
  const nothingKnown = call.promptLiteralTokens === 0 && call.promptUnknowns.length > 0 && estOutputTokens === 0;
  if (nothingKnown) unknowns.push({ id: 'inputAtRunTime' });
  if (price && estOutputTokens !== null && !nothingKnown) {
    estCostUsd = (call.promptLiteralTokens * price.inputPerMTok + estOutputTokens * price.outputPerMTok) / 1e6;
    estBatchCostUsd = (call.promptLiteralTokens * price.batchInputPerMTok + estOutputTokens * price.batchOutputPerMTok) / 1e6;
  }
  const store = call.stores[0] ?? null;
  // Source text in a note could hold a key (a prompt built around one): mask it like everywhere else.
  const masked = notes.map(
    (n) => Object.fromEntries(Object.entries(n).map(([k, v]) => [k, typeof v === 'string' ? maskKeysIn(v) : v])) as EstimateNote,
  );
  return {
    api: call.api,
    operation: call.operation,
    via: call.via,
    provider: call.provider === undefined ? provider : call.provider,
    tokenCount: counted,
    contextWindow: call.model && call.provider !== null ? (modelLimits(call.model, provider).contextWindow ?? price?.contextWindow ?? null) : null,
    model: call.model,
    line: call.line,
    function: call.function,
    inLoop: call.loop !== null,
    inHandler: call.handler !== null,
    streaming: call.stream,
    maxTokens: call.maxTokens,
    estInputTokens: call.promptLiteralTokens,
    estInputIsLowerBound: call.promptUnknowns.length > 0,
    estOutputTokens,
    outputBound,
    dimensions: dims,
    batchInputs: call.batchInputs,
    estResponseBytes,
    estCostUsd,
    estBatchCostUsd,
    unknowns: masked.map((n) => noteText(n)),
    notes: masked,
    persisted: call.stores.length > 0,
    store,
    cacheBeforeCall: call.cacheLookup !== null,
    ttl: store?.ttl ?? null,
  };
}

export function summariseLlmFile(facts: LlmFileFacts): LlmFileSummary {
  const calls = facts.calls.map(estimateCall);
  const stores = [...new Set(facts.calls.flatMap((c) => c.stores.map((s) => s.kind)))].sort() as StoreKind[];
  const persisted = calls.filter((c) => c.persisted);
  return {
    path: facts.path,
    language: facts.language,
    calls,
    persisted: persisted.length > 0,
    store: persisted[0]?.store?.kind ?? null,
    stores,
    cacheBeforeCall: persisted.length > 0 && persisted.every((c) => c.cacheBeforeCall),
    ttl: persisted.length > 0 && persisted.every((c) => c.ttl !== null),
    secrets: facts.secrets.map((s) => ({ line: s.line, masked: s.masked })),
  };
}

/** `$0.0042`, `$0.000084`, `$1.20`: dollars as every surface prints them (model/units.ts: finite, or 'unknown'). */
export { formatUsd } from '../model/units';
