// Python syntax helpers shared by the GPU and the OpenAI fact extractors: call arguments and import aliases.
import type { SyntaxNode } from '../parse/tree-sitter';
import { children, field, type NodeIndex } from './syntax';

export interface CallArgs {
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
}

export function callArgs(call: SyntaxNode): CallArgs {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const list = field(call, 'arguments');
  for (const a of list ? children(list) : []) {
    if (a.type === 'keyword_argument') {
      const name = field(a, 'name')?.text;
      const value = field(a, 'value');
      if (name && value) keywords.set(name, value);
    } else if (a.type !== 'comment') positional.push(a);
  }
  return { positional, keywords };
}

export const IMPORT_TYPES: ReadonlySet<string> = new Set(['import_statement', 'import_from_statement']);

/** Local name -> fully qualified module path, from the file's import statements. */
export function importAliases(nodes: NodeIndex): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const node of nodes.of(IMPORT_TYPES)) {
    if (node.type === 'import_statement') {
      for (const n of node.childrenForFieldName('name')) {
        if (!n) continue;
        if (n.type === 'aliased_import') aliases.set(field(n, 'alias')!.text, field(n, 'name')!.text);
        else aliases.set(n.text.split('.')[0]!, n.text.split('.')[0]!);
      }
    } else if (node.type === 'import_from_statement') {
      const mod = field(node, 'module_name')?.text;
      if (!mod) continue;
      for (const n of node.childrenForFieldName('name')) {
        if (!n) continue;
        if (n.type === 'aliased_import') aliases.set(field(n, 'alias')!.text, `${mod}.${field(n, 'name')!.text}`);
        else aliases.set(n.text, `${mod}.${n.text}`);
      }
    }
  }
  return aliases;
}
