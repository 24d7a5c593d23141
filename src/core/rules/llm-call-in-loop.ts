// Calls made once per element of a collection in an offline job: the Batch API does the same work at half the
// price within 24 hours, and embeddings take an array input, so one request can carry many texts.
import { formatUsd } from '../sizing/llm-estimate';
import { tripsText } from './rule';
import { phrase } from './shared/phrases';
import { LLM_FACTS } from '../sizing/llm-models';
import { costText } from './shared/llm-text';
import type { LlmRule } from './rule';
import { BATCH_APIS } from '../facts/llm-providers';
import { oneInputPerRequest } from './shared/llm-inputs';

/** One embeddings request takes up to 2,048 inputs (OpenAI API reference, embeddings `input`). */
export const EMBEDDING_INPUTS_PER_REQUEST = 2048;

export const rule: LlmRule = {
  meta: {
    id: 'llm-call-in-loop',
    description: 'LLM API calls are made one per element of a collection outside a request handler.',
    category: 'llm',
    defaultSeverity: 'warning',
    messages: {
      batch:
        '{{operation}} runs once per element of the {{loop}} at line {{loopLine}}{{trips}} in an offline job: {{cost}}{{total}}. The {{batchApi}} runs the same requests at {{discount}} off ({{batchCost}}) within {{hours}} h{{max}}.',
      embeddings:
        '{{operation}} embeds one input per request inside the {{loop}} at line {{loopLine}}{{trips}}: send the texts as one array input (up to {{perRequest}} per request) to cut the request count{{requests}}, or use the Batch API for {{discount}} off.',
    },
  },
  check(ctx) {
    ctx.llm.calls.forEach((call, i) => {
      if (!call.loop || call.handler || call.api === 'batch' || call.api === 'images' || call.api === 'audio') return;
      const s = ctx.summary.calls[i]!;
      const trips = call.loop.trips;
      const base = {
        operation: call.operation,
        loop:
          call.loop.kind === 'comprehension'
            ? phrase(ctx.config.lang, 'loop_comprehension')
            : phrase(ctx.config.lang, 'loop_kind', { kind: call.loop.kind }),
        loopLine: call.loop.line,
        trips: tripsText(trips, ctx.config.lang),
        discount: `${LLM_FACTS.batchDiscount * 100}%`,
      };
      // The batch figures are each provider's own (llm-providers.ts BATCH_APIS); the 2,048-input array is OpenAI's.
      const provider = call.provider ?? 'openai';
      const batchApi = BATCH_APIS[provider];
      if (call.api === 'embeddings') {
        if (!oneInputPerRequest(call) || (provider !== 'openai' && provider !== 'azure-openai')) return;
        ctx.report(
          'embeddings',
          {
            ...base,
            perRequest: EMBEDDING_INPUTS_PER_REQUEST.toLocaleString('en-US'),
            requests:
              trips === null ? '' : phrase(ctx.config.lang, 'embedRequests', { from: trips, to: Math.ceil(trips / EMBEDDING_INPUTS_PER_REQUEST) }),
          },
          call.range,
        );
        return;
      }
      if (!batchApi) return;
      const total =
        trips !== null && s.estCostUsd !== null ? phrase(ctx.config.lang, 'callsTotal', { usd: formatUsd(s.estCostUsd * trips), n: trips }) : '';
      ctx.report(
        'batch',
        {
          ...base,
          cost: costText(s, ctx.config.lang),
          total,
          batchCost:
            s.estBatchCostUsd === null
              ? phrase(ctx.config.lang, 'batchPriceUnknown')
              : phrase(ctx.config.lang, 'perCall', { usd: formatUsd(s.estBatchCostUsd) }),
          batchApi: batchApi.name,
          hours: batchApi.hours,
          max:
            batchApi.maxRequests === null ? '' : phrase(ctx.config.lang, 'batchMaxRequests', { max: batchApi.maxRequests.toLocaleString('en-US') }),
        },
        call.range,
      );
    });
  },
};
