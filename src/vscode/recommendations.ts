// The Recommendations tree: our diagnostics across the workspace, grouped by area (GPU, OpenCL, LLM API) → rule →
// location, counts in the labels; a click reveals the range. Built from the diagnostics the language server
// published, so it never re-analyses. The grouping itself is in tree-model.ts.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../server/protocol';
import {
  childrenOf,
  filterByPath,
  filterBySeverity,
  idOf,
  labelOf,
  locationOf,
  SEVERITY_NAMES,
  worstSeverity,
  type SeverityName,
  type TreeFinding,
  type TreeNode,
} from './tree-model';

/** A finding in the tree; context-menu commands get its node and act on `uri` and `diagnostic`. */
export interface Item extends TreeFinding {
  uri: vscode.Uri;
  diagnostic: vscode.Diagnostic;
}
type Node = TreeNode<Item>;

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

export class RecommendationsProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The view, for its selection: commands run from a keybinding or the palette act on the selected finding. */
  view: vscode.TreeView<Node> | undefined;
  /** Our findings, collected once per diagnostics change (the tree and the status bar both read them). */
  private current: Item[] | undefined;
  private signature = '';
  /** The severities shown (Filter by Severity in the view's title bar); all by default. */
  private shown: ReadonlySet<SeverityName> = new Set(SEVERITY_NAMES);

  /** The file filter (Filter by File in the view's title bar): see tree-model's filterByPath; empty shows all. */
  private pathFilter = '';

  get severities(): ReadonlySet<SeverityName> {
    return this.shown;
  }

  get fileFilter(): string {
    return this.pathFilter;
  }

  /** Shows only findings of these severities; the view's description says a filter is on. */
  setSeverities(shown: ReadonlySet<SeverityName>): void {
    this.shown = new Set(shown);
    this.filtersChanged();
  }

  /** Shows only findings in files the filter matches. */
  setFileFilter(filter: string): void {
    this.pathFilter = filter.trim();
    this.filtersChanged();
  }

  private filtersChanged(): void {
    const severities = SEVERITY_NAMES.filter((n) => !this.shown.has(n)).length > 0 ? [...this.shown].join(', ') : '';
    const parts = [severities, this.pathFilter].filter((p) => p);
    if (this.view) this.view.description = parts.length ? parts.join(' · ') : undefined;
    void vscode.commands.executeCommand('setContext', 'aiInfraAdvisor.treeFiltered', parts.length > 0);
    this.changed.fire();
  }

  /**
   * Diagnostics changed (ours or any other extension's): collect ours again, and redraw only if they differ. A
   * redraw replaces the tree's elements, and a context menu opened on a replaced row gets no element.
   */
  refresh(): void {
    const next = this.collect();
    const signature = next.map((i) => `${i.uri.toString()}|${i.rule}|${i.severity}|${rangeKey(i.diagnostic.range)}|${i.message}`).join('\n');
    this.current = next;
    if (signature === this.signature) return;
    this.signature = signature;
    this.changed.fire();
  }

  items(): Item[] {
    return (this.current ??= this.collect());
  }

  private collect(): Item[] {
    return vscode.languages.getDiagnostics().flatMap(([uri, ds]) =>
      ds
        .filter((d) => d.source === DIAGNOSTIC_SOURCE)
        .map((diagnostic) => ({
          uri,
          diagnostic,
          rule: ruleOf(diagnostic),
          severity: diagnostic.severity,
          path: vscode.workspace.asRelativePath(uri),
          line: diagnostic.range.start.line,
          message: diagnostic.message,
        })),
    );
  }

  getChildren(node?: Node): Node[] {
    return childrenOf(node ? this.items() : filterByPath(filterBySeverity(this.items(), this.shown), this.pathFilter), node);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const t = this.treeItem(node);
    t.id = idOf(node);
    return t;
  }

  private treeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'area') {
      const t = new vscode.TreeItem(labelOf(node), vscode.TreeItemCollapsibleState.Expanded);
      t.contextValue = 'area';
      return t;
    }
    if (node.kind === 'rule') {
      const t = new vscode.TreeItem(labelOf(node), vscode.TreeItemCollapsibleState.Collapsed);
      t.contextValue = 'rule';
      const worst = worstSeverity(node.items);
      t.iconPath = new vscode.ThemeIcon(worst === 0 ? 'error' : worst === 1 ? 'warning' : 'info');
      t.tooltip = node.items[0]!.message;
      return t;
    }
    const { uri, diagnostic, message } = node.item;
    const t = new vscode.TreeItem(labelOf(node), vscode.TreeItemCollapsibleState.None);
    t.description = locationOf(node.item);
    t.tooltip = `${message}\n${locationOf(node.item)}`;
    t.iconPath = new vscode.ThemeIcon(diagnostic.severity === 0 ? 'error' : diagnostic.severity === 1 ? 'warning' : 'info');
    t.contextValue = 'finding';
    t.command = { title: 'Reveal', command: 'vscode.open', arguments: [uri, { selection: diagnostic.range }] };
    return t;
  }
}

function rangeKey(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * The finding a tree command acts on: the node VS Code passes from the context menu (the element, not its TreeItem),
 * else the selected node (a keybinding, the palette, or a menu whose element went stale in a refresh).
 */
export function findingOf(node: unknown, tree?: RecommendationsProvider): Item | undefined {
  const n = node as Partial<Node> | undefined;
  if (n?.kind === 'item') return n.item;
  const selected = tree?.view?.selection[0];
  return selected?.kind === 'item' ? selected.item : undefined;
}
