// Extracts OpenAI call-site facts from a snippet (JS/TS through typescript-estree, Python through tree-sitter).
import { extractJsLlmFacts } from '../../src/core/facts/llm-js';
import { extractPyLlmFacts } from '../../src/core/facts/llm-py';
import type { Language, LlmFileFacts } from '../../src/core/model/types';
import { parseSource } from '../../src/core/parse/tree-sitter';
import { parseJsTs } from '../../src/core/parse/typescript-estree';
import { loadTokenizers } from '../../src/core/facts/llm-tokens';

export async function llmFactsOf(code: string, language: Language): Promise<LlmFileFacts> {
  await loadTokenizers();
  if (language === 'python') {
    const parsed = await parseSource(code, 'python');
    try {
      return extractPyLlmFacts(parsed, 'x.py');
    } finally {
      parsed.tree.delete();
    }
  }
  const path = language === 'typescript' ? 'x.ts' : 'x.js';
  const js = parseJsTs(code, path, language);
  if (!js.program) throw new Error(js.error ?? 'parse error');
  return extractJsLlmFacts(js.program, code, path, language);
}
