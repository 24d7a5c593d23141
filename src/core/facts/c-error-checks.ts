// Helpers that read the CUDA runtime's last error: a function or function-like macro of this file or of a project
// header whose body calls cudaGetLastError / cudaPeekAtLastError, directly or through another such helper
// (`#define getLastCudaError(msg) __getLastCudaError(msg, __FILE__, __LINE__)` over an inline function that asks
// cudaGetLastError). A call of one after a launch reads the launch's error as the API call itself would: the last
// error is kept until it is read (CUDA Runtime API, "Error Handling").
import type { ParsedSource, SyntaxNode } from '../parse/tree-sitter';
import type { IncludedHeaders } from './c-includes';
import { collapse } from './syntax';

const LAST_ERROR_READERS = ['cudaGetLastError', 'cudaPeekAtLastError'];
/** Helpers of helpers followed: enough for a macro over a function over a macro; bounded for hostile inputs. */
const MAX_ROUNDS = 4;
const FUNCTION_MACRO = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)\(([^)]*)\)((?:[^\n]*\\\r?\n)*[^\n]*)/gm;

function callOf(names: Iterable<string>): RegExp | null {
  const list = [...names];
  return list.length ? new RegExp(`\\b(?:${list.join('|')})\\s*\\(`, 'g') : null;
}

/** The names among `bodies` whose body calls a seed, added to `found`; the new ones (the next round's seeds). */
function callersAmong(bodies: ReadonlyArray<{ name: string; body: string }>, call: RegExp, found: Set<string>): string[] {
  const next: string[] = [];
  for (const b of bodies) {
    call.lastIndex = 0;
    if (!found.has(b.name) && call.test(b.body)) next.push(b.name);
  }
  for (const n of next) found.add(n);
  return next;
}

/** Header helpers by the headers' key (their paths, contents and include order): one computation per header set. */
const byHeaders = new Map<string, ReadonlySet<string>>();
const MAX_HEADER_SETS = 256;

function headerHelpers(headers: IncludedHeaders): ReadonlySet<string> {
  const known = byHeaders.get(headers.key);
  if (known) return known;
  const bodies = [
    ...[...headers.macros.values()].filter((m) => m.params).map((m) => ({ name: m.name, body: m.body })),
    ...[...headers.functions.values()].map((f) => ({ name: f.name, body: f.text })),
  ];
  const found = new Set<string>();
  let seeds: string[] = LAST_ERROR_READERS;
  for (let round = 0; round < MAX_ROUNDS && seeds.length; round++) seeds = callersAmong(bodies, callOf(seeds)!, found);
  byHeaders.set(headers.key, found);
  if (byHeaders.size > MAX_HEADER_SETS) byHeaders.delete(byHeaders.keys().next().value!);
  return found;
}

/** The function definition around an offset of the file: its name as the facts write it, and that name's last part. */
function enclosingFunction(parsed: ParsedSource, at: number): { name: string; last: string } | null {
  // Down from the root through what contains the offset (namespaces, classes, templates, `extern "C"`) to the first
  // definition, not up from the node: each `.parent` of the WASM tree walks from the root, quadratic in deep nesting.
  // firstNamedChildForIndex finds the child in the parser (no list of the children is made per lookup).
  let node: SyntaxNode | null = null;
  let scope: SyntaxNode | null = parsed.tree.rootNode;
  for (let depth = 0; scope && depth < 12 && !node; depth++) {
    const next: SyntaxNode | null = scope.firstNamedChildForIndex(at);
    const inside: SyntaxNode | null = next && next.startIndex <= at ? next : null;
    if (inside?.type === 'function_definition') node = inside;
    scope = inside;
  }
  if (!node) return null;
  let d = node.childForFieldName('declarator');
  while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
  if (!d) return null;
  const name = collapse(d.childForFieldName('declarator')?.text ?? d.text);
  const last = name.split('::').pop()!.trim();
  return /^[A-Za-z_]\w*$/.test(last) ? { name, last } : null;
}

/** Functions passed as a value, followed into the callee that calls its parameter: at most this many callees. */
const MAX_VALUE_USES = 16;

type CallSite = { line: number; function: string | null };

/**
 * The calls of each of `names` in the file (not their declarations): the 1-based line and the function that makes
 * each, from one pass over the text. A use of a name as an argument of a function of this file
 * (`run(…, launch_k, …)`) counts as the calls that function makes of that parameter
 * (`void run(…, Launcher launch) { launch(…); check(); }`), one level deep.
 */
export function callSitesOfAll(parsed: ParsedSource, names: readonly string[], lineOf: (offset: number) => number): Map<string, CallSite[]> {
  const out = new Map<string, CallSite[]>();
  const valid = names.filter((n) => /^[A-Za-z_]\w*$/.test(n));
  for (const n of valid) out.set(n, []);
  if (!valid.length) return out;
  let valueUses = 0;
  for (const m of parsed.text.matchAll(new RegExp(`\\b(${valid.join('|')})\\b(\\s*\\()?`, 'g'))) {
    const sites = out.get(m[1]!)!;
    let node: SyntaxNode | null = parsed.tree.rootNode.descendantForIndex(m.index);
    if (!m[2]) {
      // A value: an identifier argument of a call.
      if (node?.type !== 'identifier' || node.parent?.type !== 'argument_list' || ++valueUses > MAX_VALUE_USES) continue;
      const args = node.parent;
      const callee = args.parent?.type === 'call_expression' ? args.parent.childForFieldName('function') : null;
      const position = args.namedChildren.filter((c) => c !== null && c.type !== 'comment').findIndex((c) => c!.startIndex === node!.startIndex);
      if (callee?.type === 'identifier') sites.push(...parameterCalls(parsed, callee.text, position, lineOf));
      continue;
    }
    while (node && node.type !== 'call_expression' && node.type !== 'function_declarator') node = node.parent;
    if (!node || node.type === 'function_declarator') continue;
    sites.push({ line: lineOf(m.index), function: enclosingFunction(parsed, m.index)?.name ?? null });
  }
  return out;
}

/** The calls that the function `name` of this file makes of its parameter at `position`. */
function parameterCalls(parsed: ParsedSource, name: string, position: number, lineOf: (offset: number) => number): CallSite[] {
  const out: CallSite[] = [];
  for (const top of parsed.tree.rootNode.namedChildren) {
    // `template <class Launch> void run(…, Launch launch)`: the definition inside the template.
    const def = top?.type === 'template_declaration' ? top.namedChildren.find((c) => c?.type === 'function_definition') : top;
    if (def?.type !== 'function_definition') continue;
    let d = def.childForFieldName('declarator');
    while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
    if (!d || d.childForFieldName('declarator')?.text !== name) continue;
    const param = (d.childForFieldName('parameters')?.namedChildren ?? []).filter((p) => p !== null && p.type !== 'comment')[position];
    const paramName = param
      ? /([A-Za-z_]\w*)\s*(\[[^\]]*\])?\s*\)?\s*(\([^()]*\))?\s*$/.exec(param.childForFieldName('declarator')?.text ?? '')?.[1]
      : undefined;
    const body = def.childForFieldName('body');
    if (!paramName || !body) return out;
    for (const m of body.text.matchAll(new RegExp(`\\b${paramName}\\s*\\(`, 'g'))) {
      const at = body.startIndex + m.index;
      out.push({ line: lineOf(at), function: enclosingFunction(parsed, at)?.name ?? null });
    }
    return out;
  }
  return out;
}

/**
 * The names whose call reads the last CUDA error: this file's functions and function-like macros and the project
 * headers' that ask cudaGetLastError / cudaPeekAtLastError, directly or through one another. Sorted, so the set can
 * be part of the editor cache's context key.
 */
export function lastErrorHelpers(parsed: ParsedSource, headers: IncludedHeaders | null | undefined): string[] {
  const fromHeaders = headers ? headerHelpers(headers) : new Set<string>();
  const text = parsed.text;
  if (!fromHeaders.size && !text.includes('LastError')) return [];
  const found = new Set<string>(fromHeaders);
  const macros = text.includes('#define') ? [...text.matchAll(FUNCTION_MACRO)].map((m) => ({ name: m[1]!, body: m[3]! })) : [];
  let seeds = [...LAST_ERROR_READERS, ...fromHeaders];
  for (let round = 0; round < MAX_ROUNDS && seeds.length; round++) {
    const call = callOf(seeds)!;
    const next = callersAmong(macros, call, found);
    // The file's functions: the one around each call of a seed (its body is what contains the call).
    for (const m of text.matchAll(call)) {
      const fn = enclosingFunction(parsed, m.index)?.last;
      if (fn && !found.has(fn)) {
        found.add(fn);
        next.push(fn);
      }
    }
    seeds = next;
  }
  return [...found].sort();
}
