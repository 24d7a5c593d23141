// Adapter over @typescript-eslint/typescript-estree for JavaScript and TypeScript: the OpenAI fact extractor reads
// these trees, the suppression reader their comments. A syntax error yields no tree and a one-line message.
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Language } from '../model/types';

export interface EstreeParse {
  program: TSESTree.Program | null;
  comments: Array<{ value: string; start: number; end: number }>;
  error: string | null;
}

export function parseJsTs(text: string, path: string, language: Language): EstreeParse {
  try {
    const program = parse(text, {
      loc: true, range: true, comment: true, jsx: /\.(jsx|tsx)$/i.test(path) || language === 'javascript',
      filePath: path, errorOnTypeScriptSyntacticAndSemanticIssues: false,
    });
    const comments = (program.comments ?? []).map((c) => ({ value: c.value, start: c.range[0], end: c.range[1] }));
    return { program, comments, error: null };
  } catch (err) {
    return { program: null, comments: [], error: (err as Error).message.split('\n')[0] ?? 'parse error' };
  }
}
