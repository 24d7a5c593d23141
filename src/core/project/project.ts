// The project model: imports resolved to project files and, per file, a summary of what it offers its importers
// (summaries.ts types), cached by content hash. An analysis asks for a view over one file's imports: the view loads
// the summaries those imports reach (through re-export chains of at most MAX_REEXPORT_HOPS files) and then answers
// synchronously, so the extractors stay synchronous. No syntax tree outlives the summary it was made for.
import { extname, relative, resolve, sep } from 'node:path';
import { parseSource } from '../parse/tree-sitter';
import { parseJsTs } from '../parse/typescript-estree';
import { contentHash, DiskFs, type ProjectFs } from './project-fs';
import { JsResolver } from './resolve-js';
import { PyResolver } from './resolve-py';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SyntaxNode } from '../parse/tree-sitter';
import { summariseJs } from './summarise-js';
import { jsImports, type JsImport } from '../facts/js-imports';
import { EstreeIndex } from '../facts/estree';
import { pyImports, summarisePy, type PyImport } from './summarise-py';
import { ImporterIndex, fileModuleKey } from './importers';
import type { CallerUse, ExportFacts, FileSummary, ImportedLookup, ResolvedSymbol, ResultUse, StoreEffect, UseBinding } from './types';
import type { StoreKind } from '../model/types';
import { isWriteOf } from '../facts/llm-api-table';

/**
 * Re-export hops followed from an import to the file that defines the name (`index.ts` -> `store/index.ts` ->
 * `store/chat.ts` is two). Barrels rarely nest deeper than two or three; the bound keeps a cycle or a generated
 * barrel tree from costing more than a few summaries.
 */
export const MAX_REEXPORT_HOPS = 4;
/** How long the language server keeps one importer index (see Project.refresh). */
const IMPORTERS_MAX_AGE_MS = 30_000;
/** Summaries kept by content hash (the language server lives long; a scan touches few helper files). */
const MAX_CACHED_SUMMARIES = 5_000;

export interface ProjectView {
  lookup: ImportedLookup;
  /** Absolute paths of the project files the view read: the file depends on them. */
  dependsOn: string[];
  /** Functions (`name:line`) whose callers in other files the analysis asked for and the view has not loaded yet. */
  askedCallers: Set<string>;
  /** Callers loaded (`name:line` -> uses); see Project.loadCallers. */
  callerUses: Map<string, CallerUse[]>;
  /** The view's file's own deferred writes, typed through the names it imports. */
  typeEffects(effects: readonly StoreEffect[]): StoreEffect[];
}

type Lang = FileSummary['language'];

export class Project {
  readonly root: string;
  readonly fs: ProjectFs;
  private js: JsResolver;
  private py: PyResolver;
  private readonly byHash = new Map<string, Omit<FileSummary, 'path'>>();
  private importers: ImporterIndex | null = null;
  private importersBuiltAt = 0;

  constructor(root: string, fs: ProjectFs = new DiskFs()) {
    this.root = resolve(root);
    this.fs = fs;
    this.js = new JsResolver(this.root, fs);
    this.py = new PyResolver(this.root, fs);
  }

  /**
   * Read files afresh from now on (the language server, before each analysis): what the disk says may have changed,
   * tsconfig and package.json files included. Summaries stay cached by content hash.
   */
  refresh(): void {
    if (this.fs instanceof DiskFs) this.fs.forgetAll();
    this.js = new JsResolver(this.root, this.fs);
    this.py = new PyResolver(this.root, this.fs);
    // The importer index reads every file: rebuilt at most every IMPORTERS_MAX_AGE_MS in a long-lived server (a caller
    // already known is re-read through its summary at once; a new caller is seen from the next rebuild).
    if (this.importers && Date.now() - this.importersBuiltAt > IMPORTERS_MAX_AGE_MS) this.importers = null;
  }

  /**
   * Loads into `view` the callers in other project files of the functions its analysis asked about (a function of
   * `absFile` that returns an OpenAI result): each caller's summary says what it does with the returned value, and
   * a view over the caller's imports resolves the helpers it passes the value to. One file hop up, then the caller's
   * same-file helpers (two deep) and one imported helper; not the caller's own callers. True when a caller was found
   * (the analysis then extracts again with them; otherwise its first extraction stands).
   */
  async loadCallers(view: ProjectView, absFile: string, lang: 'js' | 'py'): Promise<boolean> {
    if (!view.askedCallers.size) return false;
    const self = this.relative(absFile);
    const deps = new Set(view.dependsOn);
    for (const key of view.askedCallers) {
      const sep = key.lastIndexOf(':');
      const [name, line] = [key.slice(0, sep), Number(key.slice(sep + 1))];
      const out: CallerUse[] = [];
      if (!this.importers) [this.importers, this.importersBuiltAt] = [new ImporterIndex(this.root, this.fs), Date.now()];
      for (const file of this.importers.candidates(lang, name, fileModuleKey(absFile), absFile)) {
        const s = await this.summary(file);
        if (!s?.uses?.length) continue;
        const uses = s.uses.filter((u) => (u.members.length ? u.members[u.members.length - 1] === name : true));
        if (!uses.length) continue;
        const callerView = await this.viewOfUses(file, lang, uses);
        for (const u of uses) {
          const sym = callerView.lookup.symbol(u.local, u.members);
          if (!sym || sym.path !== self || (sym.facts.line !== line && sym.name.split('.').pop() !== name)) continue;
          deps.add(file);
          const stores: CallerUse['stores'] = callerView
            .typeEffects(u.stores)
            .map((e) => ({ ...e, path: s.path, via: u.inFunction ?? 'the caller' }));
          for (const p of u.passedTo) {
            const helper = callerView.lookup.symbol(p.local, p.members);
            const position = typeof p.position === 'number' ? p.position : (helper?.facts.params ?? []).indexOf(p.position);
            const byProp = p.props ? helper?.facts.paramPropStores?.[position] : undefined;
            const effects = byProp ? p.props!.flatMap((k) => byProp[k] ?? []) : (helper?.facts.paramStores?.[position] ?? []);
            // A helper's expiry parameter: the constant the caller passes for it (by position, or Python keyword).
            const ttlArg = (param: number | string) =>
              p.constArgs?.[String(param)] ??
              (typeof param === 'string' ? p.constArgs?.[String((helper?.facts.params ?? []).indexOf(param))] : undefined) ??
              null;
            for (const e of effects)
              stores.push({
                ...e,
                ttl: e.ttl && typeof e.ttl.param !== 'undefined' ? { seconds: ttlArg(e.ttl.param), how: e.ttl.how } : e.ttl,
                path: helper!.path,
                via: helper!.name,
              });
            if (effects.length) for (const d of callerView.dependsOn) deps.add(d);
          }
          out.push({
            path: s.path,
            line: u.line,
            inFunction: u.inFunction,
            stores,
            cacheRead: u.cacheRead ? { ...u.cacheRead, path: s.path } : null,
          });
        }
      }
      view.callerUses.set(key, out);
    }
    view.askedCallers.clear();
    view.dependsOn = [...deps].sort();
    return [...view.callerUses.values()].some((u) => u.length > 0);
  }

  /** A view over the import bindings a file's result uses name. */
  private async viewOfUses(file: string, lang: 'js' | 'py', uses: readonly ResultUse[]): Promise<ProjectView> {
    const bindings = uses.flatMap((u, i) => [
      [u.local, u.binding] as const,
      ...u.passedTo.map((p) => [p.local, p.binding] as const),
      ...u.stores.flatMap((e, j) => (e.deferred ? [[`\0${i}.${j}`, e.deferred] as const] : [])),
    ]);
    if (lang === 'js') return this.viewJs(file, new Map(bindings.flatMap(([l, b]) => ('source' in b ? [[l, b] as const] : []))));
    return this.viewPy(file, { bindings: new Map(bindings.flatMap(([l, b]) => ('module' in b ? [[l, b] as const] : []))), stars: [] });
  }

  /** Absolute path of a path as a scan reports it (relative to the root). */
  absolute(path: string): string {
    return resolve(this.root, path);
  }

  relative(absPath: string): string {
    return relative(this.root, absPath).split(sep).join('/');
  }

  /** The summary of one file as it is now (null: unreadable, not JS/TS/Python, or it does not parse). */
  async summary(absPath: string): Promise<FileSummary | null> {
    const lang = languageOf(absPath);
    const text = lang ? this.fs.read(absPath) : null;
    if (!lang || text === null) return null;
    const hash = contentHash(text);
    const key = `${lang}:${hash}`;
    let s = this.byHash.get(key);
    if (!s) {
      let made: FileSummary | null;
      try {
        made = await summarise(text, absPath, hash, lang);
      } catch {
        made = null; // a file the summariser cannot read offers nothing; the analysis of its importers goes on
      }
      if (!made) return null;
      const { path: _drop, ...rest } = made;
      void _drop;
      s = rest;
      if (this.byHash.size >= MAX_CACHED_SUMMARIES) this.byHash.delete(this.byHash.keys().next().value!);
      this.byHash.set(key, s);
    }
    return { path: this.relative(absPath), ...s };
  }

  /** A view over a JS/TS file's imports. */
  async viewJs(absFile: string, imports: ReadonlyMap<string, JsImport>): Promise<ProjectView> {
    const loader = new Loader(this, 'js');
    for (const i of imports.values()) await loader.chain(this.resolveSpec('js', i.source, absFile), 0);
    return loader.view((local, members) => {
      const i = imports.get(local);
      if (!i) return null;
      const file = this.resolveSpec('js', i.source, absFile);
      if (!file) return null;
      // `const x = require(m)`: `x.y` is export `y`, else (`x()`, `x.y` of a default-exported object) the default.
      if (i.imported === '*') {
        const named = members.length ? loader.exportIn(file, members[0]!, members.slice(1), 0) : null;
        return named ?? (i.cjs ? loader.exportIn(file, 'default', members, 0, local) : null);
      }
      return loader.exportIn(file, i.imported, members, 0, i.imported === 'default' ? local : undefined);
    }, absFile);
  }

  /** A view over a Python file's imports. */
  async viewPy(
    absFile: string,
    imports: { bindings: ReadonlyMap<string, PyImport & { deeper?: string[] }>; stars: readonly string[] },
  ): Promise<ProjectView> {
    const loader = new Loader(this, 'py');
    for (const b of imports.bindings.values()) {
      await loader.chain(this.resolveSpec('py', b.module, absFile), 0);
      if (b.name) await loader.chain(this.resolveSpec('py', joinModule(b.module, b.name), absFile), 0);
      for (const d of b.deeper ?? []) {
        const parts = d.split('.');
        for (let k = 2; k <= parts.length; k++) await loader.chain(this.resolveSpec('py', parts.slice(0, k).join('.'), absFile), 0);
      }
    }
    for (const s of imports.stars) await loader.chain(this.resolveSpec('py', s, absFile), 0);
    return loader.view((local, members) => {
      const b = imports.bindings.get(local);
      if (!b) {
        for (const s of imports.stars) {
          const file = this.resolveSpec('py', s, absFile);
          const r = file ? loader.exportIn(file, local, members, 0) : null;
          if (r) return r;
        }
        return null;
      }
      if (b.name === null) {
        // `import a.b as c; c.save(x)` or `import a.b; a.b.save(x)`: the longest module prefix, then a name in it.
        for (let k = members.length - 1; k >= 0; k--) {
          const file = this.resolveSpec('py', [b.module, ...members.slice(0, k)].join('.'), absFile);
          const r = file ? loader.exportIn(file, members[k]!, members.slice(k + 1), 0) : null;
          if (r) return r;
        }
        return null;
      }
      const file = this.resolveSpec('py', b.module, absFile);
      const r = file ? loader.exportIn(file, b.name, members, 0) : null;
      if (r || !members.length) return r;
      const sub = this.resolveSpec('py', joinModule(b.module, b.name), absFile);
      return sub ? loader.exportIn(sub, members[0]!, members.slice(1), 0) : null;
    }, absFile);
  }

  resolveSpec(lang: 'js' | 'py', spec: string, fromFile: string): string | null {
    return lang === 'js' ? this.js.resolve(spec, fromFile) : this.py.resolve(spec, fromFile);
  }
}

/** Loads the summaries one view needs, then answers from them. */
class Loader {
  readonly loaded = new Map<string, FileSummary | null>();

  constructor(
    private readonly project: Project,
    private readonly lang: 'js' | 'py',
  ) {}

  async chain(file: string | null, depth: number): Promise<void> {
    if (!file || this.loaded.has(file) || depth > MAX_REEXPORT_HOPS) return;
    const s = await this.project.summary(file);
    this.loaded.set(file, s);
    // Names the file writes through that are imported (`Message` of `../db/models`): their files type the writes.
    for (const b of deferredBindings(s)) {
      if ('source' in b) await this.chain(this.project.resolveSpec('js', b.source, file), depth + 1);
      else {
        await this.chain(this.project.resolveSpec('py', b.module, file), depth + 1);
        if (b.name) await this.chain(this.project.resolveSpec('py', joinModule(b.module, b.name), file), depth + 1);
      }
    }
    for (const re of s?.reexports ?? []) {
      await this.chain(this.project.resolveSpec(this.lang, re.from, file), depth + 1);
      if (this.lang === 'py' && re.imported !== '*')
        await this.chain(this.project.resolveSpec('py', joinModule(re.from, re.imported), file), depth + 1);
    }
  }

  view(symbol: ImportedLookup['symbol'], file: string): ProjectView {
    const askedCallers = new Set<string>();
    const callerUses = new Map<string, CallerUse[]>();
    const callers = (name: string, line: number): CallerUse[] => {
      const key = `${name}:${line}`;
      const known = callerUses.get(key);
      if (!known) askedCallers.add(key);
      return known ?? [];
    };
    return {
      lookup: { symbol, callers },
      dependsOn: [...this.loaded.keys()].filter((k) => this.loaded.get(k)).sort(),
      askedCallers,
      callerUses,
      typeEffects: (e) => this.typedEffects(file, e, 0),
    };
  }

  /** Facts with their deferred writes typed (or dropped: the name is not a store handle, or the API no write of it). */
  typed(file: string, f: ExportFacts, depth: number): ExportFacts {
    if (!f.paramStores?.some((p) => p.some((e) => e.deferred))) return f;
    const byProp =
      f.paramPropStores &&
      Object.fromEntries(
        Object.entries(f.paramPropStores).map(([i, m]) => [
          i,
          Object.fromEntries(Object.entries(m).map(([k, es]) => [k, this.typedEffects(file, es, depth)])),
        ]),
      );
    return { ...f, paramStores: f.paramStores.map((p) => this.typedEffects(file, p, depth)), ...(byProp ? { paramPropStores: byProp } : {}) };
  }

  typedEffects(file: string, effects: readonly StoreEffect[], depth: number): StoreEffect[] {
    return effects.flatMap((e) => {
      if (!e.deferred) return [e];
      const store = this.storeOfBinding(file, e.deferred, depth);
      if (!store || !isWriteOf(store.kind, e.api)) return [];
      const { deferred: _d, ...rest } = e;
      void _d;
      return [{ ...rest, kind: store.kind, engine: store.engine, ttl: store.kind === 'redis' ? e.ttl : null }];
    });
  }

  /** The store a name imported by `file` is (its own summary's `store` facet), null when it is none. */
  private storeOfBinding(file: string, b: UseBinding, depth: number): { kind: StoreKind; engine: string } | null {
    if (depth >= MAX_REEXPORT_HOPS) return null;
    if ('source' in b) {
      const target = b.imported === '*' ? null : this.project.resolveSpec('js', b.source, file);
      return target ? (this.exportIn(target, b.imported, [], depth + 1)?.facts.store ?? null) : null;
    }
    if (!b.name) return null;
    const target = this.project.resolveSpec('py', b.module, file);
    return (target ? this.exportIn(target, b.name, [], depth + 1)?.facts.store : null) ?? null;
  }

  /** Name `name` (then `members`) exported by `file`, through its re-exports. */
  exportIn(file: string, name: string, members: readonly string[], depth: number, shownAs?: string): ResolvedSymbol | null {
    const s = this.loaded.get(file);
    if (!s || depth > MAX_REEXPORT_HOPS) return null;
    const own = s.exports[name];
    if (own) {
      let f: ExportFacts | undefined = own;
      for (const m of members) f = f?.methods?.[m];
      return f ? { facts: this.typed(file, f, depth), name: [shownAs ?? name, ...members].join('.'), path: s.path } : null;
    }
    for (const re of s.reexports) {
      if (re.exported !== name) continue;
      const target = this.project.resolveSpec(this.lang, re.from, file);
      if (re.imported === '*') {
        if (target && members.length) return this.exportIn(target, members[0]!, members.slice(1), depth + 1);
        continue;
      }
      const r = target ? this.exportIn(target, re.imported, members, depth + 1, re.imported === 'default' ? (shownAs ?? name) : undefined) : null;
      if (r) return r;
      if (this.lang === 'py' && members.length) {
        const sub = this.project.resolveSpec('py', joinModule(re.from, re.imported), file);
        const rs = sub ? this.exportIn(sub, members[0]!, members.slice(1), depth + 1) : null;
        if (rs) return rs;
      }
    }
    if (name === 'default') return null;
    for (const re of s.reexports) {
      if (re.exported !== '*') continue;
      const target = this.project.resolveSpec(this.lang, re.from, file);
      const r = target ? this.exportIn(target, name, members, depth + 1) : null;
      if (r) return r;
    }
    return null;
  }
}

/** The import bindings a summary's deferred writes go through. */
function deferredBindings(s: FileSummary | null): UseBinding[] {
  const out: UseBinding[] = [];
  const walk = (f: ExportFacts) => {
    for (const p of f.paramStores ?? []) for (const e of p) if (e.deferred) out.push(e.deferred);
    for (const m of Object.values(f.methods ?? {})) walk(m);
  };
  for (const f of Object.values(s?.exports ?? {})) walk(f);
  for (const u of s?.uses ?? []) for (const e of u.stores) if (e.deferred) out.push(e.deferred);
  return out;
}

/** A JS/TS file's imports and requires (what a view loads summaries for): the extractor's own reading of them. */
export function projectImportsJs(program: TSESTree.Program): Map<string, JsImport> {
  return jsImports(new EstreeIndex(program));
}

export function projectImportsPy(root: SyntaxNode): ReturnType<typeof pyImports> {
  return pyImports(root);
}

function joinModule(module: string, name: string): string {
  return module.endsWith('.') ? `${module}${name}` : `${module}.${name}`;
}

function languageOf(path: string): Lang | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.py') return 'python';
  if (['.ts', '.tsx', '.mts', '.cts'].includes(ext)) return path.endsWith('.d.ts') ? null : 'typescript';
  if (['.js', '.jsx', '.mjs', '.cjs'].includes(ext)) return 'javascript';
  return null;
}

async function summarise(text: string, absPath: string, hash: string, lang: Lang): Promise<FileSummary | null> {
  if (lang === 'python') {
    const parsed = await parseSource(text, 'python');
    try {
      return summarisePy(parsed, absPath, hash);
    } finally {
      parsed.tree.delete();
    }
  }
  const js = parseJsTs(text, absPath, lang);
  return js.program ? summariseJs(js.program, text, absPath, hash, lang) : null;
}
