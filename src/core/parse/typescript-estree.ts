// Adapter over @typescript-eslint/typescript-estree for JavaScript and TypeScript. The OpenAI analysis (next
// issue) reads these trees; today the pipeline parses relevant JS/TS files and reports parse errors.
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Language } from '../model/types';

export interface EstreeParse {
  program: TSESTree.Program | null;
  error: string | null;
}

export function parseJsTs(text: string, path: string, language: Language): EstreeParse {
  try {
    const program = parse(text, {
      loc: true, range: true, comment: false, jsx: /\.(jsx|tsx)$/i.test(path) || language === 'javascript',
      filePath: path, errorOnTypeScriptSyntacticAndSemanticIssues: false,
    });
    return { program, error: null };
  } catch (err) {
    return { program: null, error: (err as Error).message.split('\n')[0] ?? 'parse error' };
  }
}
