// The project model: imports resolved to project files and, per file, a summary of what it offers its importers
// (summaries.ts types), cached by content hash. An analysis asks for a view over one file's imports; the view answers
// synchronously (the extractors stay synchronous) from the summaries loaded so far and notes the lookups that reached
// a file not loaded yet; `loadAsked` then loads just those (one re-export hop or deferred binding per pass, at most
// MAX_REEXPORT_HOPS) and the analysis extracts again. Summaries are made only for the files a lookup reaches, not for
// every import: a module that imports hundreds of project files (a registry of backends) costs what it uses.
// No syntax tree outlives the summary it was made for.
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
/** Files whose last view's loaded files are remembered (the language server re-analyses them after each edit). */
const MAX_REMEMBERED_VIEWS = 1_000;

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
  /**
   * Loads the summaries that the lookups made since the last call reached and did not find loaded, following each
   * lookup to its end. True when something was loaded (the analysis then extracts again).
   */
  loadAsked(): Promise<boolean>;
  /** Runs a synchronous lookup again until every summary it reaches is loaded; returns its last result. */
  settle<T>(lookup: () => T): Promise<T>;
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
  /** Per analysed file, the files its last view loaded: preloaded by its next view, so an edit re-extracts once. */
  private readonly lastLoaded = new Map<string, string[]>();

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
          // Pure over the loaded summaries: `settle` runs it again after loading what it reached.
          const use = (): { stores: CallerUse['stores']; helpers: boolean } | null => {
            const sym = callerView.lookup.symbol(u.local, u.members);
            if (!sym || sym.path !== self || (sym.facts.line !== line && sym.name.split('.').pop() !== name)) return null;
            const stores: CallerUse['stores'] = callerView
              .typeEffects(u.stores)
              .map((e) => ({ ...e, path: s.path, via: u.inFunction ?? 'the caller' }));
            let helpers = false;
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
              helpers ||= effects.length > 0;
            }
            return { stores, helpers };
          };
          const found = await callerView.settle(use);
          if (!found) continue;
          deps.add(file);
          if (found.helpers) for (const d of callerView.dependsOn) deps.add(d);
          out.push({
            path: s.path,
            line: u.line,
            inFunction: u.inFunction,
            stores: found.stores,
            cacheRead: u.cacheRead ? { ...u.cacheRead, path: s.path } : null,
            ...(u.argKeys ? { argKeys: u.argKeys } : {}),
          });
        }
      }
      view.callerUses.set(key, out);
    }
    view.askedCallers.clear();
    view.dependsOn = [...new Set([...view.dependsOn, ...deps])].sort();
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
    const loader = await this.loaderFor(absFile, 'js');
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
    const loader = await this.loaderFor(absFile, 'py');
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

  /** A loader for a view of `absFile`, with the files its previous view loaded already in (they are likely asked again). */
  private async loaderFor(absFile: string, lang: 'js' | 'py'): Promise<Loader> {
    const loader = new Loader(this, lang, (files) => {
      this.lastLoaded.delete(absFile);
      if (this.lastLoaded.size >= MAX_REMEMBERED_VIEWS) this.lastLoaded.delete(this.lastLoaded.keys().next().value!);
      this.lastLoaded.set(absFile, files);
    });
    for (const f of this.lastLoaded.get(absFile) ?? []) await loader.load(f);
    return loader;
  }

  resolveSpec(lang: 'js' | 'py', spec: string, fromFile: string): string | null {
    return lang === 'js' ? this.js.resolve(spec, fromFile) : this.py.resolve(spec, fromFile);
  }
}

/**
 * The summaries one view has loaded, and the lookups over them. A lookup that reaches a file not loaded counts a miss
 * (and, inside `settle`, names the file); the view keeps such lookups so `loadAsked` can finish them.
 */
class Loader {
  readonly loaded = new Map<string, FileSummary | null>();
  /** Lookups that missed since the last count: every miss, and the files missed while `settle` runs. */
  private misses = 0;
  private missedFiles: Set<string> | null = null;

  constructor(
    private readonly project: Project,
    private readonly lang: 'js' | 'py',
    private readonly remember: (files: string[]) => void,
  ) {}

  /** Loads one file's summary (null: none); true when it was not loaded before. */
  async load(file: string): Promise<boolean> {
    if (this.loaded.has(file)) return false;
    this.loaded.set(file, await this.project.summary(file));
    return true;
  }

  private miss(file: string): void {
    this.misses++;
    this.missedFiles?.add(file);
  }

  /** Runs `lookup` until it reaches no file not loaded (each run may reach one hop further); its last result. */
  async settle<T>(lookup: () => T): Promise<{ result: T; loadedAny: boolean }> {
    let loadedAny = false;
    for (let pass = 0; ; pass++) {
      const files = (this.missedFiles = new Set());
      let result: T;
      try {
        result = lookup();
      } finally {
        this.missedFiles = null;
      }
      // Each pass loads every file the last one missed, so a chain of hops ends within MAX_REEXPORT_HOPS + 1 passes
      // (exportIn stops at that depth); the bound only guards a lookup that misses for another reason.
      if (!files.size || pass > MAX_REEXPORT_HOPS + 1) return { result, loadedAny };
      for (const f of files) loadedAny = (await this.load(f)) || loadedAny;
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
    // Lookups the extraction made that missed a file: `loadAsked` finishes them.
    const asked = new Map<string, () => unknown>();
    const noting =
      <A extends unknown[], R>(key: (...a: A) => string, fn: (...a: A) => R) =>
      (...a: A): R => {
        const before = this.misses;
        const r = fn(...a);
        if (this.misses !== before) asked.set(key(...a), () => fn(...a));
        return r;
      };
    const loaded = () => [...this.loaded.keys()].filter((k) => this.loaded.get(k)).sort();
    const view: ProjectView = {
      lookup: { symbol: noting((local, members) => `s\0${local}\0${members.join('.')}`, symbol), callers },
      dependsOn: loaded(),
      askedCallers,
      callerUses,
      typeEffects: (e) => this.typedEffects(file, e, 0),
      loadAsked: async () => {
        const lookups = [...asked.values()];
        asked.clear();
        const { loadedAny } = await this.settle(() => lookups.forEach((l) => l()));
        view.dependsOn = [...new Set([...view.dependsOn, ...loaded()])].sort();
        this.remember([...this.loaded.keys()]);
        return loadedAny;
      },
      settle: async (lookup) => (await this.settle(lookup)).result,
    };
    this.remember([...this.loaded.keys()]);
    return view;
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
    if (depth > MAX_REEXPORT_HOPS) return null;
    if (!this.loaded.has(file)) {
      this.miss(file);
      return null;
    }
    const s = this.loaded.get(file);
    if (!s) return null;
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
