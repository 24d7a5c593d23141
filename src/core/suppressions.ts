// Inline suppression comments, as ESLint users expect them:
//   // ai-infra-advisor-disable-next-line gpu-sync-in-loop, gpu-copy-in-loop
//   cudaDeviceSynchronize();  // ai-infra-advisor-disable-line
//   /* ai-infra-advisor-disable gpu-unchecked-call */   (whole file)
// No rule list means every rule. Directives are read from comment nodes of the syntax tree, so text inside
// strings never suppresses anything.
import type { Finding } from './model/types';
import { nodesOfTypes, type SyntaxNode } from './parse/tree-sitter';
import { LineMap } from './facts/syntax';

const DIRECTIVE = /ai-infra-advisor-(disable-next-line|disable-line|disable)\b([^\n*]*)/g;
const COMMENT: ReadonlySet<string> = new Set(['comment']);

type RuleSet = Set<string> | 'all';

export interface Suppressions {
  file: RuleSet | null;
  lines: Map<number, RuleSet>;
}

const merge = (a: RuleSet | undefined | null, b: RuleSet): RuleSet => (a === 'all' || b === 'all' ? 'all' : new Set([...(a ?? []), ...b]));

export function readSuppressions(root: SyntaxNode, text: string): Suppressions {
  if (!text.includes('ai-infra-advisor-disable')) return { file: null, lines: new Map() };
  return fromComments(nodesOfTypes(root, COMMENT).map((c) => ({ text: c.text, start: c.startIndex, end: c.endIndex })), text);
}

/** The same directives from typescript-estree's comment list (JS/TS). */
export function readJsSuppressions(comments: Array<{ value: string; start: number; end: number }>, text: string): Suppressions {
  if (!text.includes('ai-infra-advisor-disable')) return { file: null, lines: new Map() };
  return fromComments(comments.map((c) => ({ text: text.slice(c.start, c.end), start: c.start, end: c.end })), text);
}

function fromComments(comments: Array<{ text: string; start: number; end: number }>, text: string): Suppressions {
  const result: Suppressions = { file: null, lines: new Map() };
  const lines = new LineMap(text);
  for (const comment of comments) {
    for (const m of comment.text.matchAll(DIRECTIVE)) {
      const ids = m[2]!.replace(/--.*$/, '').split(/[\s,]+/).filter((s) => /^[a-z]+(-[a-z]+)+$/.test(s));
      const rules: RuleSet = ids.length ? new Set(ids) : 'all';
      const line = lines.position(comment.start + (m.index ?? 0)).line;
      if (m[1] === 'disable') result.file = merge(result.file, rules);
      else {
        const target = m[1] === 'disable-next-line' ? lines.position(comment.end).line + 1 : line;
        result.lines.set(target, merge(result.lines.get(target), rules));
      }
    }
  }
  return result;
}

const covers = (set: RuleSet | null | undefined, ruleId: string) => set === 'all' || (set instanceof Set && set.has(ruleId));

export function applySuppressions(findings: Finding[], s: Suppressions): Finding[] {
  if (!s.file && s.lines.size === 0) return findings;
  return findings.filter((f) => !covers(s.file, f.ruleId) && !covers(s.lines.get(f.range.startLine), f.ruleId));
}
