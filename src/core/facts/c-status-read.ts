// Whether a status stored in a local variable (`err = clFinish(q);`, `cudaError_t e = cudaMalloc(...)`,
// `clCreateBuffer(..., &err)`) is read before it is overwritten or the function ends.
import type { SyntaxNode } from '../parse/tree-sitter';
import { collapse, field, walk } from './syntax';

const LOOP_TYPES: ReadonlySet<string> = new Set(['for_statement', 'while_statement', 'do_statement', 'for_range_loop']);
const FUNCTION_DEFINITION = 'function_definition';
const SCANNED: ReadonlySet<string> = new Set(['identifier', 'type_identifier', 'return_statement', 'throw_statement']);

/** Where a call's status is stored: a plain local name, and the offset at which the store has happened. */
export interface StatusStore {
  name: string;
  /** The store itself (the assignment, the declarator or the call writing through &name). */
  node: SyntaxNode;
}

/**
 * `name = call;`, `name |= call;`, `T name = call;` as a statement, or `&name` as the errcode_ret argument. Anything
 * else (a test, an argument, a field, an array element, an out-parameter) is not a store this module follows.
 */
export function statusStore(call: SyntaxNode, errcodeArg: SyntaxNode | null): StatusStore | null {
  if (errcodeArg) {
    const arg = unparen(errcodeArg);
    if (arg.type !== 'pointer_expression' || !arg.text.trim().startsWith('&')) return null;
    const target = unparen(field(arg, 'argument') ?? arg);
    return target.type === 'identifier' ? { name: target.text, node: call } : null;
  }
  let child: SyntaxNode = call;
  let p = call.parent;
  while (p && p.type === 'parenthesized_expression') {
    child = p;
    p = p.parent;
  }
  if (!p) return null;
  if (p.type === 'assignment_expression' && field(p, 'right')?.startIndex === child.startIndex && p.parent?.type === 'expression_statement') {
    const left = field(p, 'left');
    return left?.type === 'identifier' ? { name: left.text, node: p } : null;
  }
  if (p.type === 'init_declarator' && field(p, 'value')?.startIndex === child.startIndex) {
    const d = field(p, 'declarator');
    return d?.type === 'identifier' ? { name: d.text, node: p } : null;
  }
  return null;
}

function unparen(n: SyntaxNode): SyntaxNode {
  let x = n;
  while (x.type === 'parenthesized_expression' && x.namedChild(0)) x = x.namedChild(0)!;
  return x;
}

function enclosingFunction(n: SyntaxNode): SyntaxNode | null {
  for (let p = n.parent; p; p = p.parent) if (p.type === FUNCTION_DEFINITION) return p;
  return null;
}

/** `#define CHECK_ERR if (err != CL_SUCCESS) ...`: the macros of this text and its project headers, whose body may name a variable itself. */
export class MacroReaders {
  private readonly macros = new Map<string, Array<{ params: string[]; body: string }>>();
  readonly defined = new Set<string>();
  /** `headerMacros`: the macros of the project headers the file includes; the file's own #defines come after them. */
  constructor(text: string, headerMacros?: ReadonlyMap<string, { params: string[] | null; body: string }>) {
    for (const [name, m] of headerMacros ?? []) {
      this.defined.add(name);
      this.macros.set(name, [{ params: m.params ?? [], body: m.body }]);
    }
    if (!text.includes('#')) return;
    for (const m of text.matchAll(/^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(\(([^)]*)\))?((?:[^\n]*\\\r?\n)*[^\n]*)/gm)) {
      this.defined.add(m[1]!);
      const list = this.macros.get(m[1]!) ?? this.macros.set(m[1]!, []).get(m[1]!)!;
      list.push({ params: m[3] ? m[3].split(',').map((s) => s.trim()) : [], body: m[4]! });
    }
  }
  private readonly scanned = new Map<number, FunctionNodes>();
  /** A function's identifiers by name, and its returns, throws and possible check macros, collected once per function. */
  nodesOf(fn: SyntaxNode): FunctionNodes {
    let nodes = this.scanned.get(fn.startIndex);
    if (!nodes) {
      const collected: FunctionNodes = { byName: new Map(), others: [] };
      walk(
        fn,
        (n) => {
          const text = n.type === 'identifier' || n.type === 'type_identifier' ? n.text : '';
          if (n.type === 'identifier') (collected.byName.get(text) ?? collected.byName.set(text, []).get(text)!).push(n);
          if (!text || this.macros.has(text) || (OPAQUE_CHECK_MACRO.test(text) && CHECK_WORD.test(text))) collected.others.push(n);
        },
        SCANNED,
      );
      this.scanned.set(fn.startIndex, (nodes = collected));
    }
    return nodes;
  }
  /** Does a use of `macro` read `name` without naming it (its body mentions name, not as a parameter)? */
  reads(macro: string, name: string): boolean {
    const list = this.macros.get(macro);
    if (!list) return false;
    const re = new RegExp(`\\b${name}\\b`);
    return list.some((m) => !m.params.includes(name) && re.test(m.body));
  }
}

/** An undefined-here ALL_CAPS check macro used with no call inside (`CHECK_ERROR;`, `CL_CHECK_STATUS("msg")`): it may read any status. */
const OPAQUE_CHECK_MACRO = /^[A-Z][A-Z0-9_]*$/;
const CHECK_WORD = /CHECK|ERR|ASSERT|VERIFY|STATUS/;

interface FunctionNodes {
  byName: Map<string, SyntaxNode[]>;
  /** Returns, throws, and identifiers or type names that may be check macros. */
  others: SyntaxNode[];
}

type Occurrence = { at: number; kind: 'read' | 'kill' | 'exit'; node: SyntaxNode };

/**
 * Is the stored status read (compared, returned, passed, printed, named by a macro) on some path before it is
 * overwritten or the function ends? `err |= clX()` keeps the earlier value in the accumulator: neither a read nor a
 * kill. A write or a return inside a branch the store is not in does not end the search (another path may read).
 * Loops: the value reaching the end of the body flows to the next iteration (the loop's condition and the body up
 * to the store) and past the loop; a read on either path counts. At file scope, or for a name not declared in the
 * function, the status counts as read (it may be read elsewhere).
 */
export function storedStatusRead(store: StatusStore, macros: MacroReaders, errcodeCall: (call: SyntaxNode) => SyntaxNode | null): boolean {
  const fn = enclosingFunction(store.node);
  if (!fn) return true;
  const { name } = store;
  const occurrences: Occurrence[] = [];
  let declared = false;
  const nodes = macros.nodesOf(fn);
  const scanned = [...(nodes.byName.get(name) ?? []), ...nodes.others.filter((n) => n.text !== name)];
  for (const n of scanned) {
    // `CHECK` on its own line before a statement parses as the type of a declaration.
    if (n.type === 'type_identifier') {
      if (macros.reads(n.text, name)) occurrences.push({ at: n.startIndex, kind: 'read', node: n });
      continue;
    }
    if (n.type !== 'identifier') {
      occurrences.push({ at: n.endIndex, kind: 'exit', node: n });
      continue;
    }
    if (n.text !== name) {
      const call = n.parent?.type === 'call_expression' && field(n.parent, 'function')?.startIndex === n.startIndex ? n.parent : null;
      const statement = n.parent?.type === 'expression_statement';
      if (macros.reads(n.text, name)) occurrences.push({ at: n.startIndex, kind: 'read', node: n });
      else if ((call || statement) && !macros.defined.has(n.text) && OPAQUE_CHECK_MACRO.test(n.text) && CHECK_WORD.test(n.text)) {
        let nestedCall = false;
        if (call)
          walk(
            field(call, 'arguments') ?? call,
            (c) => {
              nestedCall = true;
              void c;
            },
            new Set(['call_expression']),
          );
        if (!nestedCall) occurrences.push({ at: n.startIndex, kind: 'read', node: n });
      }
      continue;
    }
    const p = n.parent;
    if (!p) continue;
    if (
      (p.type === 'init_declarator' && field(p, 'declarator')?.startIndex === n.startIndex) ||
      p.type === 'declaration' ||
      p.type === 'parameter_declaration'
    ) {
      declared = true;
      if (p.type === 'init_declarator') occurrences.push({ at: p.endIndex, kind: 'kill', node: p });
      continue;
    }
    if (p.type === 'assignment_expression' && field(p, 'left')?.startIndex === n.startIndex) {
      const op = field(p, 'operator')?.text ?? p.child(1)?.text;
      if (op === '=') occurrences.push({ at: p.endIndex, kind: 'kill', node: p });
      continue; // compound: the status stays in the accumulator
    }
    if (p.type === 'pointer_expression' && p.text.trim().startsWith('&')) {
      const arg = p.parent?.type === 'argument_list' ? p.parent.parent : null;
      const writer = arg?.type === 'call_expression' ? errcodeCall(arg) : null;
      if (writer && unparen(writer).startIndex === p.startIndex) {
        occurrences.push({ at: arg!.endIndex, kind: 'kill', node: arg! });
        continue;
      }
    }
    occurrences.push({ at: n.startIndex, kind: 'read', node: n });
  }
  if (!declared) return true;
  occurrences.sort((a, b) => a.at - b.at);
  const storeStart = store.node.startIndex;
  const storeEnd = store.node.endIndex;
  /** 'read', 'killed' (an unconditional overwrite or exit first) or 'none' in (from, to). */
  const scan = (from: number, to: number): 'read' | 'killed' | 'none' => {
    for (const o of occurrences) {
      if (o.at <= from || o.at >= to) continue;
      if (o.node.startIndex <= storeStart && o.node.endIndex >= storeEnd) continue; // the store itself, or what contains it
      if (o.kind === 'read') return 'read';
      if (!conditionalFrom(o.node, store.node)) return 'killed';
    }
    return 'none';
  };
  const loops: SyntaxNode[] = [];
  for (let p = store.node.parent; p && p !== fn; p = p.parent) if (LOOP_TYPES.has(p.type)) loops.push(p);
  let from = storeEnd;
  for (const loop of loops) {
    const rest = scan(from, loop.endIndex);
    if (rest !== 'none') return rest === 'read';
    // The next iteration: the loop's header and its body up to the store.
    if (scan(loop.startIndex - 1, storeStart) === 'read') return true;
    from = loop.endIndex - 1;
  }
  return scan(from, fn.endIndex) === 'read';
}

/** Does `node` run only on some of the paths that pass through `store` (a branch, a loop body, a case, a macro branch)? */
function conditionalFrom(node: SyntaxNode, store: SyntaxNode): boolean {
  for (let n: SyntaxNode = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (p.startIndex <= store.startIndex && p.endIndex >= store.endIndex) return false; // reached the common ancestor
    switch (p.type) {
      case 'if_statement':
        if (field(p, 'condition')?.startIndex !== n.startIndex) return true;
        break;
      case 'for_statement':
      case 'while_statement':
      case 'do_statement':
      case 'for_range_loop':
        if (field(p, 'initializer')?.startIndex !== n.startIndex) return true;
        break;
      case 'conditional_expression':
        if (field(p, 'condition')?.startIndex !== n.startIndex) return true;
        break;
      case 'binary_expression':
        if (/^(&&|\|\|)$/.test(collapse(field(p, 'operator')?.text ?? '')) && field(p, 'right')?.startIndex === n.startIndex) return true;
        break;
      case 'case_statement':
      case 'else_clause':
      case 'catch_clause':
      case 'lambda_expression':
      case 'preproc_if':
      case 'preproc_ifdef':
      case 'preproc_else':
      case 'preproc_elif':
        return true;
      default:
        break;
    }
  }
  return false;
}
