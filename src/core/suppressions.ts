// Inline suppression comments, as ESLint users expect them:
//   // ai-infra-advisor-disable-next-line gpu-sync-in-loop, gpu-copy-in-loop
//   cudaDeviceSynchronize();  // ai-infra-advisor-disable-line
//   /* ai-infra-advisor-disable gpu-unchecked-call */   (whole file)
// No rule list means every rule; a rule id that is not a rule disables nothing and is reported with the closest rule
// id (a typo must not turn a line's suppression into "every rule"). Text after `--` is a description. Directives are read from comment nodes of the syntax tree, so text inside
// strings never suppresses anything.
import type { Finding } from './model/types';
import { nodesOfTypes, type SyntaxNode } from './parse/tree-sitter';
import { LineMap } from './facts/syntax';
import { RULE_IDS } from './rules';

const DIRECTIVE = /ai-infra-advisor-(disable-next-line|disable-line|disable)\b([^\n*]*)/g;
const COMMENT: ReadonlySet<string> = new Set(['comment']);

type RuleSet = Set<string> | 'all';

export interface Suppressions {
  file: RuleSet | null;
  lines: Map<number, RuleSet>;
  /** Ids in directives that name no rule, with the line of the directive and the closest rule id. */
  unknown?: Array<{ id: string; line: number; closest: string | null }>;
}

const merge = (a: RuleSet | undefined | null, b: RuleSet): RuleSet => (a === 'all' || b === 'all' ? 'all' : new Set([...(a ?? []), ...b]));

export function readSuppressions(root: SyntaxNode, text: string): Suppressions {
  if (!text.includes('ai-infra-advisor-disable')) return { file: null, lines: new Map() };
  return fromComments(
    nodesOfTypes(root, COMMENT).map((c) => ({ text: c.text, start: c.startIndex, end: c.endIndex })),
    text,
  );
}

/** The same directives from typescript-estree's comment list (JS/TS). */
export function readJsSuppressions(comments: Array<{ value: string; start: number; end: number }>, text: string): Suppressions {
  if (!text.includes('ai-infra-advisor-disable')) return { file: null, lines: new Map() };
  return fromComments(
    comments.map((c) => ({ text: text.slice(c.start, c.end), start: c.start, end: c.end })),
    text,
  );
}

function fromComments(comments: Array<{ text: string; start: number; end: number }>, text: string): Suppressions {
  const result: Suppressions = { file: null, lines: new Map() };
  const lines = new LineMap(text);
  for (const comment of comments) {
    for (const m of comment.text.matchAll(DIRECTIVE)) {
      const list = m[2]!;
      const dashes = list.indexOf('--');
      const ids = (dashes < 0 ? list : list.slice(0, dashes)).split(/[\s,]+/).filter((s) => s.length > 0);
      const line = lines.position(comment.start + (m.index ?? 0)).line;
      const known = ids.filter((id) => RULE_IDS.includes(id));
      for (const id of ids) if (!RULE_IDS.includes(id)) (result.unknown ??= []).push({ id: id.slice(0, 80), line, closest: closestRuleId(id) });
      const rules: RuleSet = ids.length ? new Set(known) : 'all';
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

/** The rule id nearest to `id` by edit distance, when it is near enough to be the one meant. */
export function closestRuleId(id: string): string | null {
  const word = id.toLowerCase().replace(/_/g, '-').slice(0, 80);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const rule of RULE_IDS) {
    const d = editDistance(word, rule);
    if (d < bestDistance) [best, bestDistance] = [rule, d];
  }
  return best !== null && bestDistance <= Math.max(3, Math.floor(best.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** One warning per unknown id in a directive, naming the closest rule id: shown with the file's results. */
export function unknownSuppressionWarnings(s: Suppressions): string[] {
  return (s.unknown ?? []).map(
    (u) =>
      `line ${u.line}: '${u.id}' in a suppression comment is not a rule id, so it disables nothing${u.closest ? `; did you mean '${u.closest}'?` : ''}`,
  );
}
