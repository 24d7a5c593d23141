// Parses a snippet and extracts its GPU facts, freeing the WASM tree afterwards.
import { parseSource, withCExpression } from '../../src/core/parse/tree-sitter';
import { extractCGpuFacts } from '../../src/core/facts/c-gpu';
import { extractPyGpuFacts } from '../../src/core/facts/py-gpu';
import type { AllocationFact, GpuFileFacts, Language, TransferFact } from '../../src/core/model/types';

export async function factsOf(code: string, language: Language): Promise<GpuFileFacts> {
  const parsed = await parseSource(code, language);
  try {
    return language === 'python' ? extractPyGpuFacts(parsed, 'x.py') : extractCGpuFacts(parsed, 'x.cu', language, withCExpression);
  } finally {
    parsed.tree.delete();
  }
}

export const allocationsOf = (f: GpuFileFacts) => f.events.filter((e): e is AllocationFact => e.kind === 'allocation');
export const transfersOf = (f: GpuFileFacts) => f.events.filter((e): e is TransferFact => e.kind === 'transfer');
