// A Python file's summary: what its module-level functions, classes and bindings do with stores, caches and OpenAI
// clients, found by the OpenAI flow's own store detection (PyFlow), and the names it imports (Python re-exports every
// name a module binds, so `from .store import save_chat` in `__init__.py` is a re-export).
import type { ParsedSource, SyntaxNode } from '../parse/tree-sitter';
import { LANGCHAIN_CLASSES, OPENAI_METHODS, storeModule } from '../facts/llm-api-table';
import { deferredOf, uniqueEffects } from './summarise-js';
import { PyFlow } from '../facts/llm-py-flow';
import { callArgs, importAliases, IMPORT_TYPES, pyLiterals } from '../facts/py-syntax';
import { LineMap, NodeIndex, children, collapse, field } from '../facts/syntax';
import type { LlmVia } from '../model/types';
import type { ExportFacts, FileSummary, ResultUse, StoreEffect } from './types';

export interface PyImport {
  /** The module as written (`pkg.store`, `.store`, `..`). */
  module: string;
  /** `from module import name`; null for `import module [as x]` (the binding is the module). */
  name: string | null;
  /** `import a.b.c` binds `a` and loads `a.b` and `a.b.c` too. */
  deeper?: string[];
}

/** Import bindings anywhere in the file: local name -> module and name; `from m import *` modules apart. */
export function pyImports(root: SyntaxNode): { bindings: Map<string, PyImport>; stars: string[] } {
  const bindings = new Map<string, PyImport>();
  const stars: string[] = [];
  for (const node of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (!node) continue;
    if (node.type === 'import_statement') {
      for (const n of node.childrenForFieldName('name')) {
        if (!n) continue;
        if (n.type === 'aliased_import') bindings.set(field(n, 'alias')!.text, { module: field(n, 'name')!.text, name: null });
        else {
          const head = n.text.split('.')[0]!;
          const b = bindings.get(head) ?? { module: head, name: null, deeper: [] };
          if (n.text.includes('.')) (b.deeper ??= []).push(n.text);
          bindings.set(head, b);
        }
      }
    } else {
      const mod = field(node, 'module_name')?.text;
      if (!mod) continue;
      if (children(node).some((c) => c.type === 'wildcard_import')) stars.push(mod);
      for (const n of node.childrenForFieldName('name')) {
        if (!n) continue;
        if (n.type === 'aliased_import') bindings.set(field(n, 'alias')!.text, { module: mod, name: field(n, 'name')!.text });
        else bindings.set(n.text, { module: mod, name: n.text });
      }
    }
  }
  return { bindings, stars };
}

const INDEX_TYPES: ReadonlySet<string> = new Set([...IMPORT_TYPES, 'call', 'assignment', 'function_definition']);

export function summarisePy(parsed: ParsedSource, path: string, hash: string): FileSummary {
  const text = parsed.text;
  const root = parsed.tree.rootNode;
  const lines = new LineMap(text);
  const nodes = new NodeIndex(root, INDEX_TYPES);
  const aliases = importAliases(nodes);
  const calls = nodes.of(new Set(['call']));
  const assignments = nodes.of(new Set(['assignment']));
  const functions = nodes.of(new Set(['function_definition']));
  const line = (n: SyntaxNode) => lines.position(n.startIndex).line;
  const qualify = (dotted: string): string | null => {
    const parts = dotted.split('.');
    const head = aliases.get(parts[0]!);
    return head ? [head, ...parts.slice(1)].join('.') : null;
  };
  // Module- and function-level `NAME = literal` bindings, for prompts, models and limits held in constants.
  const { str, num } = pyLiterals(assignments);
  const { bindings } = pyImports(root);
  const flow = new PyFlow(root, text, lines, aliases, qualify, str, num, functions, calls, assignments, undefined, bindings);
  const summary: FileSummary = { path, hash, language: 'python', exports: {}, reexports: [] };

  const top = children(root).map((c) => (c.type === 'decorated_definition' ? (field(c, 'definition') ?? c) : c));
  const classes = new Map<string, SyntaxNode>();
  for (const d of top)
    if (d.type === 'class_definition') {
      const n = field(d, 'name')?.text;
      if (n) classes.set(n, d);
    }
  const moduleClients = new Map<string, SyntaxNode>();

  for (const d of top) {
    const name = field(d, 'name')?.text;
    if (d.type === 'function_definition' && name) {
      const f = functionFacts(d);
      if (f) summary.exports[name] = f;
    } else if (d.type === 'class_definition' && name) {
      const f = classFacts(d);
      if (f) summary.exports[name] = f;
    } else if (d.type === 'expression_statement') {
      const a = children(d)[0];
      const left = a?.type === 'assignment' ? field(a, 'left') : null;
      const right = a?.type === 'assignment' ? field(a, 'right') : null;
      if (left?.type !== 'identifier' || !right) continue;
      const f = bindingFacts(left.text, right);
      if (f) summary.exports[left.text] = f;
    } else if (d.type === 'import_from_statement') {
      const mod = field(d, 'module_name')?.text;
      if (!mod) continue;
      if (children(d).some((c) => c.type === 'wildcard_import')) summary.reexports.push({ from: mod, imported: '*', exported: '*' });
      for (const n of d.childrenForFieldName('name')) {
        if (!n) continue;
        if (n.type === 'aliased_import') summary.reexports.push({ from: mod, imported: field(n, 'name')!.text, exported: field(n, 'alias')!.text });
        else summary.reexports.push({ from: mod, imported: n.text, exported: n.text });
      }
    } else if (d.type === 'import_statement') {
      for (const n of d.childrenForFieldName('name'))
        if (n?.type === 'aliased_import') summary.reexports.push({ from: field(n, 'name')!.text, imported: '*', exported: field(n, 'alias')!.text });
    }
  }
  const uses = resultUses();
  if (uses.length) summary.uses = uses;
  return summary;

  /** Calls of imported project names whose result this file stores, passes on, or looks up first (callers of a result). */
  function resultUses(): ResultUse[] {
    const out: ResultUse[] = [];
    for (const c of calls) {
      const f = field(c, 'function');
      const parts = f && (f.type === 'identifier' || f.type === 'attribute') ? collapse(f.text).split('.') : [];
      const b = parts.length && parts.every((p) => /^\w+$/.test(p)) ? bindings.get(parts[0]!) : undefined;
      const q = qualify(parts.join('.')) ?? '';
      if (!b || storeModule(q) || /^(openai|langchain|langchain_\w+)(\.|$)/.test(q) || flow.classify(c)) continue;
      // The keyword names passed (a callee's `**kwargs`). A call that passes keywords is kept even when its result goes nowhere: a caller left out could be the one that
      // passes the bound. One that unpacks a mapping is kept without names (unknown).
      const a = callArgs(c);
      const splat = a.positional.some((x) => x.type === 'dictionary_splat');
      const argKeys = a.keywords.size && !splat ? { kw: [...a.keywords.keys()] } : undefined;
      const passes = a.keywords.size > 0 || splat;
      const unused = c.parent?.type === 'expression_statement';
      if (unused && !passes) continue;
      const u = unused ? { stores: [], passedTo: [], cacheRead: null } : flow.resultUse(c);
      if (!u.stores.length && !u.passedTo.length && !u.cacheRead && !passes) continue;
      const fn = enclosingFunction(c);
      out.push({
        local: parts[0]!,
        members: parts.slice(1),
        binding: { module: b.module, name: b.name },
        line: line(c),
        inFunction: fn ? (field(fn, 'name')?.text ?? null) : null,
        stores: u.stores.map((w) => ({
          kind: w.kind,
          engine: w.engine,
          api: w.api,
          line: w.line,
          ttl: w.ttl && { seconds: w.ttl.seconds, how: w.ttl.how },
          ...deferredOf(w),
        })),
        passedTo: u.passedTo,
        ...(u.cacheRead ? { cacheRead: { kind: u.cacheRead.kind, api: u.cacheRead.api, line: u.cacheRead.line } } : {}),
        ...(argKeys ? { argKeys } : {}),
      });
    }
    return out;
  }

  function bindingFacts(name: string, right: SyntaxNode): ExportFacts | null {
    const facts: ExportFacts = { line: line(right) };
    const client = right.type === 'call' ? clientOfCall(right) : null;
    if (client) {
      facts.client = client;
      moduleClients.set(name, right);
    }
    const store = flow.storeHandle(name);
    if (store) facts.store = { kind: store.kind, engine: store.engine };
    const cls = right.type === 'call' ? classes.get(field(right, 'function')?.text ?? '') : undefined;
    if (cls) Object.assign(facts, { methods: classFacts(cls)?.methods });
    const s = str(right);
    const v = s === null ? num(right) : null;
    if (s !== null) facts.constant = s;
    else if (v !== null) facts.constant = v;
    for (const k of Object.keys(facts) as Array<keyof ExportFacts>) if (facts[k] === undefined) delete facts[k];
    return Object.keys(facts).length > 1 ? facts : null;
  }

  function classFacts(cls: SyntaxNode): ExportFacts | null {
    const methods: Record<string, ExportFacts> = {};
    for (const m of children(field(cls, 'body') ?? cls)) {
      const def = m.type === 'decorated_definition' ? field(m, 'definition') : m;
      const name = def?.type === 'function_definition' ? field(def, 'name')?.text : null;
      if (!def || !name || /^__\w+__$/.test(name)) continue;
      const f = functionFacts(def);
      if (f) methods[name] = f;
    }
    return Object.keys(methods).length ? { line: line(cls), methods } : null;
  }

  function paramNames(fn: SyntaxNode): string[] {
    const out: string[] = [];
    for (const p of children(field(fn, 'parameters') ?? fn)) {
      const nm =
        p.type === 'identifier'
          ? p.text
          : /^(typed_parameter|default_parameter|typed_default_parameter)$/.test(p.type)
            ? (field(p, 'name')?.text ?? children(p)[0]?.text ?? null)
            : null;
      if (nm && nm !== 'self' && nm !== 'cls') out.push(nm);
    }
    return out;
  }

  function functionFacts(fn: SyntaxNode): ExportFacts | null {
    const facts: ExportFacts = { line: line(fn) };
    const params = paramNames(fn);
    const paramStores: StoreEffect[][] = params.map((p) =>
      uniqueEffects(
        flow.paramStores(fn, p).map((w) => ({
          kind: w.kind,
          engine: w.engine,
          api: w.api,
          line: w.line,
          ttl: w.ttl && (w.ttl.param ? { seconds: null, how: w.ttl.how, param: w.ttl.param } : { seconds: w.ttl.seconds, how: w.ttl.how }),
          ...deferredOf(w),
        })),
      ),
    );
    if (paramStores.some((p) => p.length)) {
      facts.paramStores = paramStores;
      facts.params = params;
    }
    const wrapper = flow.wrapperEffects(fn);
    if (wrapper)
      facts.decorator = {
        stores: uniqueEffects(
          wrapper.stores.map((w) => ({
            kind: w.kind,
            engine: w.engine,
            api: w.api,
            line: w.line,
            ttl: w.ttl && { seconds: w.ttl.seconds, how: w.ttl.how, ...(w.ttl.param ? { param: w.ttl.param } : {}) },
            ...deferredOf(w),
          })),
        ),
        ...(wrapper.cache ? { cacheRead: { kind: wrapper.cache.kind, api: wrapper.cache.api, line: wrapper.cache.line } } : {}),
        params: wrapper.params,
      };
    const cache = cacheReadIn(fn, params);
    if (cache) {
      facts.cacheRead = cache;
      facts.params = params;
    }
    for (const r of fn.descendantsOfType('return_statement')) {
      if (!r || enclosingFunction(r)?.startIndex !== fn.startIndex) continue;
      const value = children(r)[0];
      if (value) returned(value, facts);
    }
    // Every function is listed, facets or not: callers of a result returned from it are found by its name.
    return facts;
  }

  function returned(value0: SyntaxNode, facts: ExportFacts): void {
    const value = value0.type === 'await' ? (children(value0)[0] ?? value0) : value0;
    const client =
      value.type === 'call'
        ? clientOfCall(value)
        : value.type === 'identifier' && moduleClients.has(value.text)
          ? clientOfCall(moduleClients.get(value.text)!)
          : null;
    if (client) facts.client = { ...client, factory: true };
    if (value.type === 'identifier') {
      const store = flow.storeHandle(value.text);
      if (store) facts.store = { kind: store.kind, engine: store.engine };
    }
    for (const c of [value, ...value.descendantsOfType('call')]) {
      if (c?.type !== 'call') continue;
      const path = collapse(field(c, 'function')?.text ?? '')
        .split('.')
        .slice(1)
        .join('.');
      const m = OPENAI_METHODS.find((x) => path === x.path || path.endsWith(`.${x.path}`));
      if (m) {
        facts.returnsResult = { operation: m.path, line: line(c) };
        break;
      }
    }
  }

  function cacheReadIn(fn: SyntaxNode, params: string[]): ExportFacts['cacheRead'] | null {
    const derived = new Set(params);
    if (!derived.size) return null;
    const assigns = fn.descendantsOfType('assignment').filter((x): x is SyntaxNode => !!x);
    const names = (n: SyntaxNode) => (n.type === 'identifier' ? [n.text] : n.descendantsOfType('identifier').map((x) => x?.text ?? ''));
    for (let changed = true, g = 0; changed && g < 6; g++) {
      changed = false;
      for (const a of assigns) {
        const l = field(a, 'left');
        const r = field(a, 'right');
        if (l?.type === 'identifier' && r && !derived.has(l.text) && names(r).some((x) => derived.has(x))) {
          derived.add(l.text);
          changed = true;
        }
      }
    }
    for (const c of fn.descendantsOfType('call')) {
      if (!c) continue;
      const a = callArgs(c);
      const key = a.positional[0] ?? [...a.keywords.values()][0];
      if (!key || !names(key).some((x) => derived.has(x))) continue;
      const store = flow.classify(c);
      const f = field(c, 'function');
      if (store?.op === 'read') return { kind: store.module.kind, api: store.api, line: line(c) };
      if (
        !store &&
        f?.type === 'attribute' &&
        /^(get|__contains__)$/.test(field(f, 'attribute')?.text ?? '') &&
        /cache|memo/i.test(field(f, 'object')?.text ?? '')
      )
        return { kind: 'memory', api: collapse(f.text).split('.').slice(-2).join('.'), line: line(c) };
    }
    return null;
  }

  function clientOfCall(call: SyntaxNode): (NonNullable<ExportFacts['client']> & { factory: false }) | null {
    const fn = field(call, 'function');
    const q = fn ? qualify(collapse(fn.text)) : null;
    if (!q) return null;
    const cls = q.split('.').pop()!;
    let via: LlmVia | null = null;
    if (/^openai\.(Async)?(Azure)?OpenAI$/.test(q)) via = /Azure/.test(cls) ? 'azure-openai' : 'openai';
    else if (/^(langchain_openai|langchain\.|langchain_community\.)/.test(q) && cls in LANGCHAIN_CLASSES) via = 'langchain';
    if (!via) return null;
    const a = callArgs(call);
    const timeout = a.keywords.get('timeout') ?? a.keywords.get('request_timeout');
    const retries = a.keywords.get('max_retries');
    const seconds = num(timeout);
    return {
      via,
      factory: false,
      className: cls,
      ...(via === 'langchain' ? { api: LANGCHAIN_CLASSES[cls]! } : {}),
      timeoutMs: seconds === null ? null : seconds * 1000,
      timeoutSet: !!timeout,
      maxRetries: num(retries),
      maxRetriesSet: !!retries,
    };
  }
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return null;
}
