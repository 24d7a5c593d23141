// A literal API key in source: anyone with the repository or the bundle can spend on the account. The key is
// only ever shown masked (sk-…abcd); the fix reads it from the environment instead.
import type { LlmRule } from './rule';
import { KEY_ENV } from '../facts/llm-providers';
import { phrase } from './shared/phrases';

export const rule: LlmRule = {
  meta: {
    id: 'llm-hardcoded-api-key',
    description: 'An LLM provider API key (OpenAI, Anthropic, Google) is written in the source code.',
    category: 'llm',
    defaultSeverity: 'error',
    messages: {
      key: 'A literal API key ({{masked}}) is in the source: anyone who can read the repository, a log or the shipped bundle can spend on this account. Read it from the environment ({{env}}), and rotate this key.',
    },
  },
  check(ctx) {
    for (const s of ctx.llm.secrets) {
      const env = s.provider ? KEY_ENV[s.provider] : /AZURE/.test(s.replacement) ? 'AZURE_OPENAI_API_KEY' : 'OPENAI_API_KEY';
      const edits = [{ startOffset: s.startOffset, endOffset: s.endOffset, newText: s.replacement }, ...(s.importEdit ? [s.importEdit] : [])];
      ctx.report('key', { masked: s.masked, env }, s.range, [{ description: phrase(ctx.config.lang, 'fix_readKeyFromEnv', { env }), edits }]);
    }
  },
};
