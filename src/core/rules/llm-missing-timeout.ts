// A client (or raw HTTP request) with no timeout: the SDK waits up to 10 minutes per attempt and retries twice,
// and fetch/requests wait forever, so one slow upstream holds a worker or request slot that long.
import type { Fix, LlmClientFact } from '../model/types';
import { LLM_FACTS } from '../sizing/llm-models';
import type { LlmRule } from './rule';
import { phrase, type Lang } from './shared/phrases';

export const rule: LlmRule = {
  meta: {
    id: 'llm-missing-timeout',
    description: 'An OpenAI or Anthropic client, or an HTTP request to the OpenAI API, sets no timeout.',
    category: 'llm',
    defaultSeverity: 'info',
    messages: {
      sdk: '{{api}} sets no timeout: the SDK default is {{minutes}} minutes per attempt with {{retries}} retries, so one stalled request can hold a worker for up to {{worst}} minutes. Set timeout{{retryHint}}.',
      http: '{{api}} to the OpenAI API has no timeout: a stalled connection waits indefinitely and holds the worker. Pass a timeout.',
      legacyPython:
        '{{api}} sets no request_timeout: openai < 1.0 waits up to {{minutes}} minutes for each request when none is given, so one stalled request holds the worker that long. Pass request_timeout= with the call.',
      legacy:
        '{{api}} sets no timeout: openai v3 (on axios) and openai-edge (on fetch) have no default one, so a stalled request waits indefinitely and holds the worker. Set baseOptions: { timeout } in its Configuration, or pass { timeout } / { signal } with each request.',
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    // Per-call clients: raw HTTP requests, and openai < 1.0's module-level calls in Python (one request each).
    const perCall = (c: LlmClientFact | null | undefined): c is LlmClientFact =>
      c?.via === 'http' || (c?.via === 'openai-legacy' && ctx.llm.language === 'python');
    const clients: LlmClientFact[] = [...ctx.llm.clients, ...ctx.llm.calls.map((c) => c.client).filter(perCall)];
    for (const client of clients) {
      const key = `${client.range.startLine}:${client.range.startColumn}`;
      if (client.timeoutSet || seen.has(key)) continue;
      seen.add(key);
      const fixes = fixFor(client, ctx.llm.language === 'python', ctx.config.lang);
      if (client.via === 'http') {
        ctx.report('http', { api: client.api }, client.range, fixes);
        continue;
      }
      // axios' default `timeout` is 0, none (axios docs, request config, read 2026-12-04); fetch has none.
      if (client.via === 'openai-legacy' && ctx.llm.language === 'python') {
        ctx.report('legacyPython', { api: client.api, minutes: LLM_FACTS.legacyPythonTimeoutS / 60 }, client.range, fixes);
        continue;
      }
      if (client.via === 'openai-legacy') {
        ctx.report('legacy', { api: client.api }, client.range, fixes);
        continue;
      }
      const retries = client.maxRetries ?? LLM_FACTS.sdkDefaultMaxRetries;
      const minutes = LLM_FACTS.sdkDefaultTimeoutMs / 60_000;
      ctx.report(
        'sdk',
        {
          api: client.api,
          minutes,
          retries: client.maxRetriesSet
            ? `${client.maxRetries ?? phrase(ctx.config.lang, 'retriesConfigured')}`
            : phrase(ctx.config.lang, 'retriesDefault', { n: LLM_FACTS.sdkDefaultMaxRetries }),
          worst: minutes * (retries + 1),
          retryHint: client.maxRetriesSet ? '' : phrase(ctx.config.lang, 'retryHint', { n: LLM_FACTS.sdkDefaultMaxRetries }),
        },
        client.range,
        fixes,
      );
    }
  },
};

function fixFor(client: LlmClientFact, python: boolean, lang: Lang | undefined): Fix[] {
  const slot = client.optionsSlot;
  if (!slot) return [];
  let option: string;
  if (python) option = client.via === 'http' ? 'timeout=30' : client.via === 'openai-legacy' ? 'request_timeout=30' : 'timeout=30.0';
  else if (client.api === 'fetch') option = 'signal: AbortSignal.timeout(30_000)';
  else option = 'timeout: 30_000';
  return [
    {
      description: phrase(lang, 'fix_add', { what: option }),
      edits: [{ startOffset: slot.offset, endOffset: slot.offset, newText: `${slot.prefix}${option}${slot.suffix}` }],
    },
  ];
}
