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

/**
 * Literal strings and numbers of a Python file, through `NAME = literal` bindings (the first binding of a name, a short
 * chain), concatenation, parentheses and + - * /. Shared by the OpenAI facts and the project summaries.
 */
export function pyLiterals(assignments: readonly SyntaxNode[]): {
  constants: ReadonlyMap<string, SyntaxNode>;
  str(node: SyntaxNode | null | undefined): string | null;
  num(node: SyntaxNode | null | undefined): number | null;
} {
  const constants = new Map<string, SyntaxNode>();
  for (const a of assignments) {
    const left = field(a, 'left');
    const right = field(a, 'right');
    if (left?.type === 'identifier' && right && !constants.has(left.text)) constants.set(left.text, right);
  }
  const str = (node: SyntaxNode | null | undefined, depth = 0): string | null => {
    if (!node || depth > 4) return null;
    if (node.type === 'string') {
      if (children(node).some((c) => c.type === 'interpolation')) return null;
      return children(node)
        .filter((c) => c.type === 'string_content' || c.type === 'escape_sequence')
        .map((c) => c.text)
        .join('');
    }
    if (node.type === 'concatenated_string') {
      const parts = children(node).map((c) => str(c, depth + 1));
      return parts.every((p) => p !== null) ? parts.join('') : null;
    }
    if (node.type === 'identifier') return str(constants.get(node.text), depth + 1);
    if (node.type === 'parenthesized_expression') return str(children(node)[0], depth + 1);
    return null;
  };
  const num = (node: SyntaxNode | null | undefined, depth = 0): number | null => {
    if (!node || depth > 4) return null;
    if (node.type === 'integer' || node.type === 'float') {
      const v = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(v) ? v : null;
    }
    if (node.type === 'identifier') return num(constants.get(node.text), depth + 1);
    if (node.type === 'parenthesized_expression') return num(children(node)[0], depth + 1);
    if (node.type === 'unary_operator' && node.text.startsWith('-')) {
      const v = num(field(node, 'argument'), depth + 1);
      return v === null ? null : -v;
    }
    if (node.type === 'binary_operator') {
      const a = num(field(node, 'left'), depth + 1);
      const b = num(field(node, 'right'), depth + 1);
      const op = field(node, 'operator')?.text;
      if (a === null || b === null) return null;
      return op === '*' ? a * b : op === '+' ? a + b : op === '-' ? a - b : op === '/' && b !== 0 ? a / b : null;
    }
    return null;
  };
  return { constants, str: (n) => str(n), num: (n) => num(n) };
}
