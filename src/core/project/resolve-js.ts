// JS/TS import specifiers to project files, the way TypeScript's "bundler" resolution and Node find them, over
// ProjectFs only: relative paths with or without an extension (a `.js` specifier finds the `.ts` source), index files,
// tsconfig/jsconfig `paths` and `baseUrl` (with `extends`), and workspace packages by name (`exports`, `module`, `main`).
// Packages from node_modules are not project files: they resolve to null. A resolver library (enhanced-resolve,
// tsconfig-paths) would read the file system itself; this one sees the open documents the server hands it.
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseJsonc, type ProjectFs } from './project-fs';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** A compiled-output specifier and the sources it may be compiled from (TypeScript's rule for `./x.js`). */
const SOURCE_FOR: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
/** `exports` conditions, most useful first: a source entry, then what a bundler or Node would pick. */
const CONDITIONS = ['source', 'development', 'import', 'module', 'require', 'node', 'default', 'types'];
/** How many `extends` a tsconfig chain may have (a cycle stops here too). */
const MAX_EXTENDS = 8;

interface PathsConfig {
  /** Directory `paths` entries are relative to (baseUrl, else the config's own folder). */
  base: string;
  baseUrl: string | null;
  paths: Array<{ pattern: string; targets: string[] }>;
}

export class JsResolver {
  private readonly configs = new Map<string, PathsConfig | null>();
  private workspaces: Map<string, string> | undefined;

  constructor(
    private readonly root: string,
    private readonly fs: ProjectFs,
  ) {}

  /** The project file `specifier` means in `fromFile`, or null (a package, a missing file, outside the project). */
  resolve(specifier: string, fromFile: string): string | null {
    if (specifier.startsWith('.') || isAbsolute(specifier)) return this.inside(this.file(resolve(dirname(fromFile), specifier)));
    if (/^(node:|[a-z]+:)/.test(specifier)) return null;
    const config = this.configFor(dirname(fromFile));
    if (config) {
      for (const target of matchPaths(config.paths, specifier)) {
        const hit = this.inside(this.file(resolve(config.base, target)));
        if (hit) return hit;
      }
      if (config.baseUrl) {
        const hit = this.inside(this.file(resolve(config.baseUrl, specifier)));
        if (hit) return hit;
      }
    }
    return this.workspacePackage(specifier);
  }

  private inside(path: string | null): string | null {
    if (!path) return null;
    const rel = relative(this.root, path);
    return rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('node_modules') ? null : path;
  }

  /** A path as a file: itself, with an extension, its source for a `.js` name, or a folder's package entry / index. */
  private file(path: string): string | null {
    const dot = path.lastIndexOf('.');
    const ext = dot > path.lastIndexOf(sep) ? path.slice(dot) : '';
    for (const source of SOURCE_FOR[ext] ?? []) {
      const p = path.slice(0, -ext.length) + source;
      if (this.fs.isFile(p)) return p;
    }
    if (EXTENSIONS.includes(ext) && this.fs.isFile(path)) return path;
    for (const e of EXTENSIONS) if (this.fs.isFile(path + e)) return path + e;
    if (this.fs.isDirectory(path)) {
      const pkg = this.packageJson(path);
      for (const entry of pkg ? [pkg.source, pkg.module, pkg.main] : []) {
        if (typeof entry !== 'string') continue;
        const hit = this.fileNoDir(resolve(path, entry));
        if (hit) return hit;
      }
      for (const e of EXTENSIONS) if (this.fs.isFile(join(path, `index${e}`))) return join(path, `index${e}`);
    }
    return null;
  }

  private fileNoDir(path: string): string | null {
    const hit = this.file(path);
    if (hit) return hit;
    // A built entry (`dist/index.js`) of a package that was not built: its source by the usual layout.
    const src = path.replace(/([\\/])(dist|build|lib|out)([\\/])/, '$1src$3').replace(/\.d\.ts$/, '.ts');
    return src !== path ? this.file(src) : null;
  }

  private packageJson(dir: string): Record<string, unknown> | null {
    const text = this.fs.read(join(dir, 'package.json'));
    const json = text === null ? null : parseJsonc(text);
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  }

  /** The nearest tsconfig.json / jsconfig.json at or above `dir` (inside the root), with its `extends` merged. */
  private configFor(dir: string): PathsConfig | null {
    if (this.configs.has(dir)) return this.configs.get(dir)!;
    let found: PathsConfig | null = null;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const path = join(dir, name);
      if (this.fs.isFile(path)) {
        found = this.readConfig(path, 0) ?? null;
        break;
      }
    }
    if (!found) {
      const up = dirname(dir);
      found = up !== dir && !relative(this.root, up).startsWith('..') ? this.configFor(up) : null;
    }
    this.configs.set(dir, found);
    return found;
  }

  private readConfig(path: string, depth: number): PathsConfig | null {
    const text = this.fs.read(path);
    const json = text === null ? null : (parseJsonc(text) as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | null);
    if (!json || typeof json !== 'object') return null;
    const dir = dirname(path);
    let inherited = null as PathsConfig | null;
    const parents =
      typeof json.extends === 'string'
        ? [json.extends]
        : Array.isArray(json.extends)
          ? json.extends.filter((x): x is string => typeof x === 'string')
          : [];
    for (const ext of parents) {
      if (depth >= MAX_EXTENDS || !ext.startsWith('.')) continue; // a shared config from a package sets no project paths
      const p = resolve(dir, ext);
      const parent = this.readConfig(this.fs.isFile(p) ? p : `${p}.json`, depth + 1);
      const before = inherited;
      if (parent)
        inherited = {
          ...parent,
          paths: parent.paths.length ? parent.paths : (before?.paths ?? []),
          baseUrl: parent.baseUrl ?? before?.baseUrl ?? null,
        };
    }
    const opts = json.compilerOptions ?? {};
    const baseUrl = typeof opts.baseUrl === 'string' ? resolve(dir, opts.baseUrl) : (inherited?.baseUrl ?? null);
    let paths = inherited?.paths ?? [];
    let base = inherited?.base ?? dir;
    if (opts.paths && typeof opts.paths === 'object') {
      paths = Object.entries(opts.paths as Record<string, unknown>).map(([pattern, t]) => ({
        pattern,
        targets: Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [],
      }));
      base = baseUrl ?? dir;
    } else if (typeof opts.baseUrl === 'string') base = baseUrl!;
    return { base, baseUrl, paths };
  }

  /** `@acme/db` or `@acme/db/sub` when a workspace package of that name is in the project. */
  private workspacePackage(specifier: string): string | null {
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const dir = this.workspaceDirs().get(name);
    if (!dir) return null;
    const sub = `.${specifier.slice(name.length)}`;
    const pkg = this.packageJson(dir);
    const target = pkg ? exportsTarget(pkg.exports, sub) : null;
    if (target) return this.inside(this.fileNoDir(resolve(dir, target)));
    return this.inside(sub === '.' ? this.file(dir) : this.fileNoDir(resolve(dir, sub)));
  }

  /** Workspace package name -> folder, from the root package.json `workspaces` (and pnpm-workspace.yaml). */
  private workspaceDirs(): Map<string, string> {
    if (this.workspaces) return this.workspaces;
    const out = new Map<string, string>();
    const pkg = this.packageJson(this.root);
    const ws = pkg?.workspaces;
    const globs: string[] = Array.isArray(ws)
      ? ws.filter((x): x is string => typeof x === 'string')
      : ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages)
        ? (ws as { packages: unknown[] }).packages.filter((x): x is string => typeof x === 'string')
        : [];
    const pnpm = this.fs.read(join(this.root, 'pnpm-workspace.yaml'));
    if (pnpm) for (const m of pnpm.matchAll(/^\s*-\s*['"]?([^'"\n#]+?)['"]?\s*$/gm)) globs.push(m[1]!);
    for (const g of globs) {
      if (g.startsWith('!')) continue;
      const dirs = g.endsWith('/*') || g.endsWith('/**') ? this.fs.childDirs(resolve(this.root, g.replace(/\/\*+$/, ''))) : [resolve(this.root, g)];
      for (const d of dirs) {
        const name = this.packageJson(d)?.name;
        if (typeof name === 'string' && !out.has(name)) out.set(name, d);
      }
    }
    return (this.workspaces = out);
  }
}

/** tsconfig `paths`: the longest matching pattern's targets with `*` filled in. */
function matchPaths(paths: PathsConfig['paths'], specifier: string): string[] {
  let best: { prefixLength: number; targets: string[] } | null = null;
  for (const { pattern, targets } of paths) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (pattern === specifier && (!best || pattern.length > best.prefixLength)) best = { prefixLength: pattern.length, targets };
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < prefix.length + suffix.length) continue;
    if (best && prefix.length <= best.prefixLength) continue;
    const middle = specifier.slice(prefix.length, specifier.length - suffix.length);
    best = { prefixLength: prefix.length, targets: targets.map((t) => t.replace('*', middle)) };
  }
  return best?.targets ?? [];
}

/** package.json `exports` for a subpath (`.`, `./sub`), with `*` patterns and nested conditions. */
export function exportsTarget(exports: unknown, subpath: string): string | null {
  if (exports === undefined || exports === null) return null;
  if (typeof exports === 'string' || Array.isArray(exports)) return subpath === '.' ? pickCondition(exports) : null;
  if (typeof exports !== 'object') return null;
  const map = exports as Record<string, unknown>;
  const keys = Object.keys(map);
  if (!keys.some((k) => k.startsWith('.'))) return subpath === '.' ? pickCondition(map) : null;
  if (subpath in map) return pickCondition(map[subpath]);
  for (const k of keys.filter((x) => x.includes('*')).sort((a, b) => b.length - a.length)) {
    const [prefix, suffix] = k.split('*') as [string, string];
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix)) {
      const t = pickCondition(map[k]);
      return t ? t.replace(/\*/g, subpath.slice(prefix.length, subpath.length - suffix.length)) : null;
    }
  }
  return null;
}

function pickCondition(target: unknown, depth = 0): string | null {
  if (depth > 6) return null;
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const r = pickCondition(t, depth + 1);
      if (r) return r;
    }
    return null;
  }
  if (target && typeof target === 'object') {
    const map = target as Record<string, unknown>;
    for (const c of CONDITIONS)
      if (c in map) {
        const r = pickCondition(map[c], depth + 1);
        if (r) return r;
      }
  }
  return null;
}
