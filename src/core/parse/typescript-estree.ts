// Adapter over @typescript-eslint/typescript-estree for JavaScript and TypeScript: the OpenAI fact extractor reads
// these trees, the suppression reader their comments. A syntax error yields no tree and a one-line message.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Language } from '../model/types';
import { loadVendor } from '../vendor';

type Estree = typeof import('@typescript-eslint/typescript-estree');
let estree: Estree | null = null;
/**
 * Loaded on the first JS/TS file, not at start-up: it brings the TypeScript compiler (9 MB of JavaScript), which
 * a scan of C, CUDA or Python files, `--version` and the language server's first answer never need.
 */
const loadEstree = (): Estree => (estree ??= loadVendor<Estree>('typescript-estree'));

export interface EstreeParse {
  program: TSESTree.Program | null;
  comments: Array<{ value: string; start: number; end: number }>;
  error: string | null;
}

export function parseJsTs(text: string, path: string, language: Language): EstreeParse {
  try {
    const program = loadEstree().parse(text, {
      loc: true,
      range: true,
      comment: true,
      jsx: /\.(jsx|tsx)$/i.test(path) || language === 'javascript',
      filePath: path,
      errorOnTypeScriptSyntacticAndSemanticIssues: false,
    });
    const comments = (program.comments ?? []).map((c) => ({ value: c.value, start: c.range[0], end: c.range[1] }));
    return { program, comments, error: null };
  } catch (err) {
    return { program: null, comments: [], error: (err as Error).message.split('\n')[0] ?? 'parse error' };
  }
}
