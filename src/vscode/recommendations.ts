// The Recommendations tree: our diagnostics across the workspace, grouped by area (GPU, OpenCL, OpenAI) → rule →
// location, counts in the labels; a click reveals the range. Built from the diagnostics the language server
// published, so it never re-analyses.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../server/protocol';

type Node =
  | { kind: 'area'; area: string; items: Item[] }
  | { kind: 'rule'; rule: string; items: Item[] }
  | { kind: 'item'; item: Item };
interface Item { uri: vscode.Uri; diagnostic: vscode.Diagnostic; rule: string }

const AREA: Array<[string, (rule: string) => boolean]> = [
  ['GPU', (r) => r.startsWith('gpu-')],
  ['OpenCL', (r) => r.startsWith('opencl-')],
  ['OpenAI API', (r) => r.startsWith('llm-')],
];

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

export class RecommendationsProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  refresh(): void {
    this.changed.fire();
  }

  items(): Item[] {
    return vscode.languages.getDiagnostics().flatMap(([uri, ds]) => ds.filter((d) => d.source === DIAGNOSTIC_SOURCE).map((diagnostic) => ({ uri, diagnostic, rule: ruleOf(diagnostic) })));
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const all = this.items();
      return AREA.map(([area, test]) => ({ kind: 'area' as const, area, items: all.filter((i) => test(i.rule)) })).filter((a) => a.items.length);
    }
    if (node.kind === 'area') {
      const rules = [...new Set(node.items.map((i) => i.rule))].sort();
      return rules.map((rule) => ({ kind: 'rule' as const, rule, items: node.items.filter((i) => i.rule === rule) })).sort((a, b) => severityRank(a.items) - severityRank(b.items) || b.items.length - a.items.length);
    }
    if (node.kind === 'rule') return node.items.sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath) || a.diagnostic.range.start.line - b.diagnostic.range.start.line).map((item) => ({ kind: 'item' as const, item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'area') {
      const t = new vscode.TreeItem(`${node.area} (${node.items.length})`, vscode.TreeItemCollapsibleState.Expanded);
      t.contextValue = 'area';
      return t;
    }
    if (node.kind === 'rule') {
      const t = new vscode.TreeItem(`${node.rule} (${node.items.length})`, vscode.TreeItemCollapsibleState.Collapsed);
      t.contextValue = 'rule';
      t.iconPath = new vscode.ThemeIcon(severityRank(node.items) === 0 ? 'error' : severityRank(node.items) === 1 ? 'warning' : 'info');
      t.tooltip = node.items[0]!.diagnostic.message;
      return t;
    }
    const { uri, diagnostic } = node.item;
    const t = new vscode.TreeItem(`${vscode.workspace.asRelativePath(uri)}:${diagnostic.range.start.line + 1}`, vscode.TreeItemCollapsibleState.None);
    t.description = diagnostic.message.length > 80 ? `${diagnostic.message.slice(0, 79)}…` : diagnostic.message;
    t.tooltip = diagnostic.message;
    t.contextValue = 'finding';
    t.command = { title: 'Reveal', command: 'vscode.open', arguments: [uri, { selection: diagnostic.range }] };
    (t as vscode.TreeItem & { finding?: Item }).finding = node.item;
    return t;
  }
}

function severityRank(items: Item[]): number {
  return Math.min(...items.map((i) => i.diagnostic.severity));
}

export function counts(items: Item[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: items.filter((i) => i.diagnostic.severity === vscode.DiagnosticSeverity.Error).length,
    warnings: items.filter((i) => i.diagnostic.severity === vscode.DiagnosticSeverity.Warning).length,
    infos: items.filter((i) => i.diagnostic.severity >= vscode.DiagnosticSeverity.Information).length,
  };
}
