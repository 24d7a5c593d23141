// Embeddings computed and thrown away: the next run computes (and pays for) the same vectors again.
import { formatBytes } from '../model/units';
import { phrase } from './shared/phrases';
import { LLM_FACTS } from '../sizing/llm-models';
import { costText } from './shared/llm-text';
import type { LlmRule } from './rule';
import { oneInputPerRequest } from './shared/llm-inputs';

export const rule: LlmRule = {
  meta: {
    id: 'llm-embeddings-not-persisted',
    description: 'Embeddings are computed and not stored.',
    category: 'llm',
    defaultSeverity: 'warning',
    messages: {
      notStored:
        '{{operation}} computes embeddings{{model}}{{dims}} that are never stored: every run re-computes and re-pays ({{cost}}) for the same text. Store each vector keyed by a hash of its text (a vector database, or {{vectorBytes}} per vector as float32 next to the text).',
    },
  },
  check(ctx) {
    ctx.llm.calls.forEach((call, i) => {
      // A query embedding (one input, not in a loop) passed at once to a search is used, not lost; one returned to
      // callers not seen may be stored there. Document embeddings searched in memory are recomputed every run.
      const queryUse = call.searchUse && !call.loop && oneInputPerRequest(call) && !/embedDocuments|embed_documents|embedMany/.test(call.operation);
      if (call.api !== 'embeddings' || call.stores.length || call.cacheLookup || queryUse || call.returnedTo) return;
      const dims = call.dimensions ?? (call.model ? (LLM_FACTS.embeddingDims[call.model] ?? null) : null);
      ctx.report(
        'notStored',
        {
          operation: call.operation,
          model: call.model ? phrase(ctx.config.lang, 'withModel', { model: call.model }) : '',
          dims: dims ? phrase(ctx.config.lang, 'dims', { n: dims.toLocaleString('en-US') }) : '',
          cost: costText(ctx.summary.calls[i]!, ctx.config.lang),
          vectorBytes: dims ? formatBytes(dims * 4, { exact: false }) : phrase(ctx.config.lang, 'dimsTimesFour'),
        },
        call.range,
      );
    });
  },
};
