// The Recommendations tree's grouping, free of the VS Code API so it is unit-tested: area (GPU, OpenCL, LLM API)
// → rule → location. recommendations.ts turns these nodes into TreeItems.

/** What the tree needs of a finding. Severity uses VS Code's order: 0 error, 1 warning, 2 information, 3 hint. */
export interface TreeFinding {
  rule: string;
  severity: number;
  /** Workspace-relative path: the location label and the sort key. */
  path: string;
  /** 0-based, as in a VS Code range. */
  line: number;
  message: string;
}

export type TreeNode<F extends TreeFinding> =
  { kind: 'area'; area: string; items: F[] } | { kind: 'rule'; rule: string; items: F[] } | { kind: 'item'; item: F };

/** Areas in display order; a rule belongs to the first whose prefix it has. Product names, the same in every language. */
export const AREAS: ReadonlyArray<{ area: string; prefix: string }> = [
  { area: 'GPU', prefix: 'gpu-' },
  { area: 'OpenCL', prefix: 'opencl-' },
  // llm- rules cover every provider's call sites (OpenAI, Anthropic, Google, Bedrock, LiteLLM, LangChain, AI SDK).
  { area: 'LLM API', prefix: 'llm-' },
];
/** Where a rule with none of the prefixes goes: listed last, never dropped. */
export const OTHER_AREA = 'Other';

export function areaOf(rule: string): string {
  return AREAS.find((a) => rule.startsWith(a.prefix))?.area ?? OTHER_AREA;
}

/** The severities the tree can be filtered to; VS Code's hint counts as information. */
export type SeverityName = 'error' | 'warning' | 'info';
export const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'info'];

export function severityName(severity: number): SeverityName {
  return severity === 0 ? 'error' : severity === 1 ? 'warning' : 'info';
}

/** The findings the tree shows under a severity filter (all of them when every severity is shown). */
export function filterBySeverity<F extends TreeFinding>(all: readonly F[], shown: ReadonlySet<SeverityName>): F[] {
  return all.filter((f) => shown.has(severityName(f.severity)));
}

/**
 * The findings whose path matches a file filter, as the Problems panel's filter box reads one: comma-separated terms,
 * each a case-insensitive substring of the workspace-relative path where `*` matches any run of characters; a term
 * starting with `!` excludes what it matches. An empty filter (or one of only exclusions) keeps every other finding.
 */
export function filterByPath<F extends TreeFinding>(all: readonly F[], filter: string): F[] {
  const terms = filter
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t && t !== '!');
  const toRegExp = (t: string) =>
    new RegExp(
      t
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
        .join('.*'),
      'i',
    );
  const include = terms.filter((t) => !t.startsWith('!')).map(toRegExp);
  const exclude = terms.filter((t) => t.startsWith('!')).map((t) => toRegExp(t.slice(1)));
  return all.filter((f) => (include.length === 0 || include.some((r) => r.test(f.path))) && !exclude.some((r) => r.test(f.path)));
}

/** The tree's children: areas at the root from `all` (empty ones left out), rules in an area, locations under a rule. */
export function childrenOf<F extends TreeFinding>(all: readonly F[], node?: TreeNode<F>): TreeNode<F>[] {
  if (!node) {
    return [...AREAS.map((a) => a.area), OTHER_AREA]
      .map((area) => ({ kind: 'area' as const, area, items: all.filter((f) => areaOf(f.rule) === area) }))
      .filter((a) => a.items.length);
  }
  if (node.kind === 'area') {
    const rules = [...new Set(node.items.map((f) => f.rule))].sort();
    // What to fix first: the worst severity, then the most findings, then the rule id (stable).
    return rules
      .map((rule) => ({ kind: 'rule' as const, rule, items: node.items.filter((f) => f.rule === rule) }))
      .sort((a, b) => worstSeverity(a.items) - worstSeverity(b.items) || b.items.length - a.items.length || a.rule.localeCompare(b.rule));
  }
  if (node.kind === 'rule') {
    return [...node.items].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line).map((item) => ({ kind: 'item' as const, item }));
  }
  return [];
}

/** The node's label: counts for groups; for a location its message (what to fix), cut to fit one row. */
export function labelOf<F extends TreeFinding>(node: TreeNode<F>): string {
  if (node.kind === 'area') return `${node.area} (${node.items.length})`;
  if (node.kind === 'rule') return `${node.rule} (${node.items.length})`;
  return shortMessage(node.item.message);
}

/** A location's description, after its message: `path:line` (1-based). */
export function locationOf(f: TreeFinding): string {
  return `${f.path}:${f.line + 1}`;
}

/**
 * A stable id per node: VS Code keeps a node's expanded state and selection across refreshes only when its id is
 * the same, and the tree refreshes on every diagnostics change.
 */
export function idOf<F extends TreeFinding>(node: TreeNode<F>): string {
  if (node.kind === 'area') return `area:${node.area}`;
  if (node.kind === 'rule') return `rule:${node.rule}`;
  const f = node.item;
  return `item:${f.rule}:${f.path}:${f.line}:${f.message}`;
}

/** A message cut to fit one row. */
export function shortMessage(message: string, max = 80): string {
  return message.length > max ? `${message.slice(0, max - 1)}…` : message;
}

export function worstSeverity(items: readonly TreeFinding[]): number {
  return Math.min(...items.map((f) => f.severity));
}

/** The status bar's counts: hints count with information. */
export function countBySeverity(items: readonly TreeFinding[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: items.filter((f) => f.severity === 0).length,
    warnings: items.filter((f) => f.severity === 1).length,
    infos: items.filter((f) => f.severity >= 2).length,
  };
}

/** What a rule setting does to a scanned diagnostic: drop it, give it a severity, or leave it as scanned. */
export function applyRuleSetting(setting: unknown): 'off' | 0 | 1 | 2 | undefined {
  if (setting === 'off') return 'off';
  if (setting === 'error') return 0;
  if (setting === 'warning') return 1;
  if (setting === 'info') return 2;
  return undefined; // unset or invalid (the server names invalid values): as scanned
}
