// A JS/TS file's summary: what its exports do with stores, caches and OpenAI clients. The store detection is the
// OpenAI flow's own (JsFlow: the same-file helper taint from a parameter, its store tables), run once per file.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { OPENAI_METHODS, LANGCHAIN_CLASSES, storeModule } from '../facts/llm-api-table';
import {
  EstreeIndex,
  FUNCTION_TYPES,
  boundNames,
  constNumber,
  constString,
  functionName,
  memberChain,
  objectProps,
  unwrap,
  type FunctionNode,
  type Node,
} from '../facts/estree';
import { JsFlow } from '../facts/llm-js-flow';
import { jsImports } from '../facts/js-imports';
import { LineMap } from '../facts/syntax';
import type { LlmVia } from '../model/types';
import type { ExportFacts, FileSummary, ResultUse, StoreEffect, UseBinding } from './types';

const isOpenAiModule = (s: string) => s === 'openai' || s.startsWith('openai/');
const isLangChain = (s: string) => s.startsWith('@langchain/') || s.startsWith('langchain');

export function summariseJs(program: TSESTree.Program, text: string, path: string, hash: string, language: 'javascript' | 'typescript'): FileSummary {
  const index = new EstreeIndex(program);
  const lines = new LineMap(text);
  const imports = jsImports(index);
  const flow = new JsFlow(index, text, lines, imports, undefined, true);
  const line = (n: Node) => lines.position(n.range[0]).line;
  const summary: FileSummary = { path, hash, language, exports: {}, reexports: [] };

  // Top-level definitions by name: functions, classes, variables.
  const defs = new Map<string, Node>();
  for (const st of program.body) {
    const d = st.type === 'ExportNamedDeclaration' || st.type === 'ExportDefaultDeclaration' ? st.declaration : st;
    if (!d) continue;
    if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) defs.set(d.id.name, d);
    if (d.type === 'VariableDeclaration') for (const v of d.declarations) if (v.id.type === 'Identifier') defs.set(v.id.name, v);
  }
  const classes = new Map<string, TSESTree.ClassDeclaration | TSESTree.ClassExpression>();
  for (const [name, d] of defs) if (d.type === 'ClassDeclaration') classes.set(name, d);

  const exportLocal = (exported: string, local: string) => {
    const d = defs.get(local);
    if (d) {
      const f = factsOf(d, 0);
      if (f) summary.exports[exported] = f;
      return;
    }
    const i = imports.get(local);
    if (i) summary.reexports.push({ from: i.source, imported: i.imported, exported });
  };

  for (const st of program.body) {
    if (st.type === 'ExportNamedDeclaration') {
      if (st.source) {
        for (const s of st.specifiers)
          summary.reexports.push({ from: String(st.source.value), imported: nameOf(s.local), exported: nameOf(s.exported) });
      } else if (st.declaration) {
        const d = st.declaration;
        if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) exportLocal(d.id.name, d.id.name);
        else if (d.type === 'VariableDeclaration') for (const v of d.declarations) if (v.id.type === 'Identifier') exportLocal(v.id.name, v.id.name);
      } else for (const s of st.specifiers) exportLocal(nameOf(s.exported), nameOf(s.local));
    } else if (st.type === 'ExportAllDeclaration') {
      summary.reexports.push({ from: String(st.source.value), imported: '*', exported: st.exported ? nameOf(st.exported) : '*' });
    } else if (st.type === 'ExportDefaultDeclaration') {
      const d = st.declaration as Node;
      if (d.type === 'Identifier') exportLocal('default', d.name);
      else {
        const f = factsOf(d, 0);
        if (f) summary.exports.default = f;
      }
    } else if (st.type === 'ExpressionStatement' && st.expression.type === 'AssignmentExpression') {
      // CommonJS: module.exports = { a, b: c }, module.exports = fn, exports.a = ..., module.exports.a = ...
      const chain = memberChain(st.expression.left as Node)?.join('.');
      const right = unwrap(st.expression.right);
      if (chain === 'module.exports') {
        if (right.type === 'ObjectExpression') {
          for (const p of right.properties) {
            if (p.type !== 'Property' || p.key.type !== 'Identifier') continue;
            const v = unwrap(p.value as Node);
            if (v.type === 'Identifier') exportLocal(p.key.name, v.name);
            else {
              const f = factsOf(v, 0);
              if (f) summary.exports[p.key.name] = f;
            }
          }
        } else if (right.type === 'Identifier') exportLocal('default', right.name);
        else {
          const f = factsOf(right, 0);
          if (f) summary.exports.default = f;
        }
      } else if (chain && /^(module\.)?exports\.\w+$/.test(chain)) {
        const name = chain.split('.').pop()!;
        if (right.type === 'Identifier') exportLocal(name, right.name);
        else {
          const f = factsOf(right, 0);
          if (f) summary.exports[name] = f;
        }
      }
    }
  }
  const uses = resultUses();
  if (uses.length) summary.uses = uses;
  return summary;

  /** Calls of imported project names whose result this file stores, passes on, or looks up first (callers of a result). */
  function resultUses(): ResultUse[] {
    const out: ResultUse[] = [];
    for (const n of index.nodes) {
      if (n.type !== 'CallExpression') continue;
      const chain = memberChain(n.callee);
      const binding = chain ? imports.get(chain[0]!) : undefined;
      if (!chain || !binding || storeModule(binding.source) || isOpenAiModule(binding.source) || isLangChain(binding.source) || flow.classify(n))
        continue;
      // A call that passes arguments is kept even when its result goes nowhere: a caller left out could be the one that
      // passes the bound (`argKeys` names only object literals; another argument is unknown to the callee).
      const argKeys = objectArgKeys(n);
      const passes = n.arguments.length > 0;
      const parent = index.parent(n);
      const unused = parent?.type === 'ExpressionStatement';
      if (unused && !passes) continue;
      const u = unused ? { stores: [], passedTo: [], cacheRead: null } : flow.resultUse(n);
      if (!u.stores.length && !u.passedTo.length && !u.cacheRead && !passes) continue;
      const fn = index.enclosingFunction(n);
      out.push({
        local: chain[0]!,
        members: chain.slice(1),
        binding: { source: binding.source, imported: binding.imported },
        line: line(n),
        inFunction: fn ? functionName(fn, index) : null,
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

  /** Per argument that is an object literal of named properties only (no spread, no computed key): its keys. */
  function objectArgKeys(call: TSESTree.CallExpression): Record<string, string[]> | undefined {
    let out: Record<string, string[]> | undefined;
    call.arguments.forEach((a, i) => {
      const o = unwrap(a as Node);
      if (o.type !== 'ObjectExpression') return;
      const keys: string[] = [];
      for (const p of o.properties) {
        const k =
          p.type === 'Property' && !p.computed
            ? p.key.type === 'Identifier'
              ? p.key.name
              : p.key.type === 'Literal'
                ? String(p.key.value)
                : null
            : null;
        if (k === null) return;
        keys.push(k);
      }
      (out ??= {})[String(i)] = keys;
    });
    return out;
  }

  function factsOf(node: Node, depth: number): ExportFacts | null {
    if (depth > 3) return null;
    const n = node.type === 'VariableDeclarator' ? (node.init ? unwrap(node.init) : null) : unwrap(node);
    if (!n) return null;
    const at = line(node);
    if (FUNCTION_TYPES.has(n.type)) return functionFacts(n as FunctionNode, at);
    if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') return classFacts(n, at);
    if (n.type === 'ObjectExpression') {
      const methods: Record<string, ExportFacts> = {};
      for (const p of n.properties) {
        if (p.type !== 'Property' || p.key.type !== 'Identifier') continue;
        const v = unwrap(p.value as Node);
        const f = FUNCTION_TYPES.has(v.type)
          ? functionFacts(v as FunctionNode, line(p))
          : v.type === 'Identifier' && defs.has(v.name)
            ? factsOf(defs.get(v.name)!, depth + 1)
            : null;
        if (f) methods[p.key.name] = f;
      }
      return Object.keys(methods).length ? { line: at, methods } : null;
    }
    if (n.type === 'NewExpression') {
      const client = clientOfNew(n);
      if (client) return { line: at, client };
      const cls = n.callee.type === 'Identifier' ? classes.get(n.callee.name) : undefined;
      if (cls) return classFacts(cls, at);
    }
    const facts: ExportFacts = { line: at };
    const name = node.type === 'VariableDeclarator' && node.id.type === 'Identifier' ? node.id.name : null;
    const store = name ? flow.storeHandle(name) : null;
    if (store) facts.store = { kind: store.kind, engine: store.engine };
    const s = constString(n, index);
    const v = s === null ? constNumber(n, index) : null;
    if (s !== null) facts.constant = s;
    else if (v !== null) facts.constant = v;
    return Object.keys(facts).length > 1 ? facts : null;
  }

  function classFacts(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, at: number): ExportFacts | null {
    const methods: Record<string, ExportFacts> = {};
    for (const m of cls.body.body) {
      if (
        (m.type === 'MethodDefinition' || m.type === 'PropertyDefinition') &&
        m.key.type === 'Identifier' &&
        m.value &&
        FUNCTION_TYPES.has(m.value.type) &&
        !('kind' in m && m.kind === 'constructor')
      ) {
        const f = functionFacts(m.value as FunctionNode, line(m));
        if (f) methods[m.key.name] = f;
      }
    }
    // An ORM model class (`class Message extends Model` of Sequelize): its static `create`/`findByPk` are a store's.
    const store = cls.id ? flow.storeHandle(cls.id.name) : null;
    const facts: ExportFacts = {
      line: at,
      ...(Object.keys(methods).length ? { methods } : {}),
      ...(store ? { store: { kind: store.kind, engine: store.engine } } : {}),
    };
    return Object.keys(facts).length > 1 ? facts : null;
  }

  function functionFacts(fn: FunctionNode, at: number): ExportFacts | null {
    const facts: ExportFacts = { line: at };
    const paramIndex = (name: string) => fn.params.findIndex((p) => boundNames(p as Node).includes(name));
    const ttlOf = (t: ReturnType<JsFlow['paramStores']>[number]['ttl']): StoreEffect['ttl'] =>
      t?.param !== undefined && paramIndex(t.param) >= 0
        ? { seconds: null, how: t.how, param: paramIndex(t.param) }
        : t && { seconds: t.seconds, how: t.how };
    const paramStores: StoreEffect[][] = fn.params.map((_, i) =>
      uniqueEffects(
        flow.paramStores(fn, i).map((w) => ({ kind: w.kind, engine: w.engine, api: w.api, line: w.line, ttl: ttlOf(w.ttl), ...deferredOf(w) })),
      ),
    );
    if (paramStores.some((p) => p.length)) facts.paramStores = paramStores;
    fn.params.forEach((_, i) => {
      const byProp = paramStores[i]?.length ? flow.paramPropStores(fn, i) : null;
      if (byProp)
        (facts.paramPropStores ??= {})[i] = Object.fromEntries(
          Object.entries(byProp).map(([k, ws]) => [
            k,
            uniqueEffects(ws.map((w) => ({ kind: w.kind, engine: w.engine, api: w.api, line: w.line, ttl: ttlOf(w.ttl), ...deferredOf(w) }))),
          ]),
        );
    });
    const cache = cacheReadIn(fn);
    if (cache) facts.cacheRead = cache;
    for (const r of index.within(fn, 'ReturnStatement')) {
      if (!r.argument || index.enclosingFunction(r) !== fn) continue;
      returned(unwrap(r.argument), facts);
    }
    if (fn.type === 'ArrowFunctionExpression' && fn.body.type !== 'BlockStatement') returned(unwrap(fn.body as Node), facts);
    // Every function is listed, facets or not: callers of a result returned from it are found by its name.
    return facts;
  }

  /** What a function returns: a new client (a factory), a store handle, an OpenAI call's result. */
  function returned(value: Node, facts: ExportFacts): void {
    if (value.type === 'NewExpression') {
      const client = clientOfNew(value);
      if (client) facts.client = { ...client, factory: true };
    }
    if (value.type === 'Identifier') {
      const d = defs.get(value.name);
      const init = d?.type === 'VariableDeclarator' && d.init ? unwrap(d.init) : null;
      const client = init?.type === 'NewExpression' ? clientOfNew(init) : null;
      if (client) facts.client = { ...client, factory: true };
      const store = flow.storeHandle(value.name);
      if (store) facts.store = { kind: store.kind, engine: store.engine };
    }
    for (const c of [value, ...index.subtree(value)]) {
      if (c.type !== 'CallExpression') continue;
      const chain = memberChain(c.callee);
      const path = chain?.slice(1).join('.') ?? '';
      const m = OPENAI_METHODS.find((x) => path === x.path || path.endsWith(`.${x.path}`));
      if (m) {
        facts.returnsResult = { operation: m.path, line: line(c) };
        break;
      }
    }
  }

  /** A store read, or an in-memory cache `get`/`has`, keyed by what one of the parameters is built into. */
  function cacheReadIn(fn: FunctionNode): ExportFacts['cacheRead'] | null {
    const derived = new Set(fn.params.flatMap((p) => boundNames(p as Node)));
    if (!derived.size) return null;
    const decls = index.within(fn, 'VariableDeclarator');
    for (let changed = true, g = 0; changed && g < 6; g++) {
      changed = false;
      for (const d of decls)
        if (d.init && [...index.namesIn(d.init)].some((x) => derived.has(x)))
          for (const nm of boundNames(d.id))
            if (!derived.has(nm)) {
              derived.add(nm);
              changed = true;
            }
    }
    for (const c of index.within(fn, 'CallExpression')) {
      const key = c.arguments[0] as Node | undefined;
      if (!key || ![...index.namesIn(key)].some((x) => derived.has(x))) continue;
      const store = flow.classify(c);
      const chain = memberChain(c.callee);
      if (store?.op === 'read') return { kind: store.module.kind, api: store.api, line: line(c) };
      if (!store && chain && chain.length >= 2 && /cache|memo/i.test(chain[chain.length - 2]!) && /^(get|has)$/.test(chain[chain.length - 1]!))
        return { kind: 'memory', api: chain.slice(-2).join('.'), line: line(c) };
    }
    return null;
  }

  function clientOfNew(n: TSESTree.NewExpression): (Omit<NonNullable<ExportFacts['client']>, 'factory'> & { factory: false }) | null {
    const chain = memberChain(n.callee);
    if (!chain) return null;
    const cls = chain[chain.length - 1]!;
    const source = imports.get(chain[0]!)?.source ?? '';
    let via: LlmVia | null = null;
    if ((cls === 'OpenAI' || cls === 'AzureOpenAI') && isOpenAiModule(source)) via = cls === 'AzureOpenAI' ? 'azure-openai' : 'openai';
    else if (cls in LANGCHAIN_CLASSES && isLangChain(source)) via = 'langchain';
    if (!via) return null;
    const props = objectProps(n.arguments[0] ? unwrap(n.arguments[0] as Node) : null);
    const timeout = props.get('timeout');
    const retries = props.get('maxRetries');
    return {
      via,
      factory: false,
      ...(via === 'langchain' ? { api: LANGCHAIN_CLASSES[cls]!, className: cls } : { className: cls }),
      timeoutMs: timeout ? constNumber(timeout, index) : null,
      timeoutSet: !!timeout,
      maxRetries: retries ? constNumber(retries, index) : null,
      maxRetriesSet: !!retries,
    };
  }
}

/** One effect per written place (a write reached through several of a helper's own helpers is one write). */
export function uniqueEffects(effects: StoreEffect[]): StoreEffect[] {
  const seen = new Set<string>();
  return effects.filter((e) => {
    const k = `${e.line}:${e.api}:${e.kind}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The import binding a summary's write goes through (when it waits for a view to type it), its entity field and conversation key. */
export function deferredOf(w: object): { deferred?: UseBinding; entityField?: string; conversationKey?: string } {
  const { deferred: d, entityField: e, conversationKey: k } = w as { deferred?: UseBinding; entityField?: string; conversationKey?: string };
  return { ...(d ? { deferred: d } : {}), ...(e ? { entityField: e } : {}), ...(k ? { conversationKey: k } : {}) };
}

function nameOf(n: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return n.type === 'Identifier' ? n.name : String(n.value);
}
