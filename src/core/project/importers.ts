// Which project files may import a name: the reverse of the import graph, for an OpenAI result that a function
// returns to callers in other files. One pass over the project's JS/TS/Python files, on first use, reads each text
// once (without keeping it) and keeps only the names its import statements bind; a caller is then confirmed by its
// summary and a view over its imports, so a name matched here that the file does not really import costs a summary.
import { basename, dirname, extname } from 'node:path';
import type { ProjectFs } from './project-fs';

/** Directories no import of a project file lives in (build output, dependencies, caches, environments). */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '__pycache__', 'site-packages', 'venv', 'env', 'target', 'vendor']);
/** Files looked at for importers; past this (a monorepo, a generated tree) the callers in files not reached are not seen. */
export const MAX_INDEXED_FILES = 20_000;

/** Candidate importers summarised per name at most (a name many files import is a library's, not the app's helper). */
export const MAX_CANDIDATES = 200;

/** The word an import of this file must contain: its name without extension, or its folder's for an index/__init__. */
function moduleStem(absFile: string): string | null {
  const stem = basename(absFile, extname(absFile));
  const word = stem === '__init__' || stem === 'index' ? basename(dirname(absFile)) : stem;
  return word.length ? word : null;
}

const JS_EXT = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);

type Family = 'js' | 'py';

export function familyOf(path: string): Family | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.py') return 'py';
  return JS_EXT.has(ext) && !path.endsWith('.d.ts') ? 'js' : null;
}

/**
 * The key a whole-module import (`import * as svc from './svc'`, `import svc from './svc'`, `import app.svc as svc`)
 * is indexed under: the module's last path segment (`svc`; a directory's name for its index/__init__ file).
 */
export function moduleKey(spec: string): string {
  const parts = spec
    .replace(/\\/g, '/')
    .split(/[/.]/)
    .filter((p) => p && p !== '..');
  return `@${parts[parts.length - 1] ?? ''}`;
}

/** The key under which importers of a file's whole module are found (see moduleKey). */
export function fileModuleKey(absPath: string): string {
  const stem = basename(absPath, extname(absPath));
  return `@${stem === 'index' || stem === '__init__' ? basename(dirname(absPath)) : stem}`;
}

/** Names a file's import statements bind (imported names, and moduleKey for whole-module imports). */
export function importedNames(text: string, family: Family): Set<string> {
  const out = new Set<string>();
  if (family === 'js') {
    for (const m of text.matchAll(/\bimport\s+(?:type\s+)?([\w$*{}\s,]+?)\s+from\s+['"]([^'"]+)['"]/g)) addJsClause(m[1]!, m[2]!, out);
    for (const m of text.matchAll(/\b(?:export)\s+(?:type\s+)?(\*|\{[^}]*\})\s+from\s+['"]([^'"]+)['"]/g)) addJsClause(m[1]!, m[2]!, out);
    for (const m of text.matchAll(/\b(?:const|let|var)\s+(\{[^}]*\}|[\w$]+)\s*=\s*(?:await\s+)?(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g))
      addJsClause(m[1]!.startsWith('{') ? m[1]!.replace(/:\s*[\w$]+/g, '') : `* as ${m[1]}`, m[2]!, out);
  } else {
    for (const m of text.matchAll(/^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)/gm)) {
      out.add(moduleKey(m[1]!));
      for (const part of m[2]!.replace(/[()\\]/g, ' ').split(',')) {
        const name = part.trim().split(/\s+/)[0];
        if (name && name !== '*') {
          out.add(name);
          out.add(`@${name}`);
        }
      }
    }
    for (const m of text.matchAll(/^[ \t]*import[ \t]+([\w., \t]+)/gm))
      for (const part of m[1]!.split(',')) {
        const mod = part.trim().split(/\s+/)[0];
        if (mod) out.add(moduleKey(mod));
      }
  }
  return out;
}

function addJsClause(clause: string, spec: string, out: Set<string>): void {
  const braces = /\{([^}]*)\}/.exec(clause);
  for (const part of braces?.[1]?.split(',') ?? []) {
    const name = part
      .trim()
      .replace(/^type\s+/, '')
      .split(/\s+as\s+/)[0]
      ?.trim();
    if (name) out.add(name);
  }
  // A default or namespace import: the caller may call it by any local name.
  if (clause.replace(/\{[^}]*\}/, '').replace(/[\s,]/g, '')) out.add(moduleKey(spec));
}

/** The importer index of one project: file -> the names it imports, inverted. */
export class ImporterIndex {
  private byName: Map<string, number[]> | null = null;
  private files: string[] = [];

  constructor(
    private readonly root: string,
    private readonly fs: ProjectFs,
  ) {}

  /** Files of `family` (other than `except`) that import `name` or the whole module `moduleKeyOf`. */
  candidates(family: Family, name: string, module: string, except: string): string[] {
    const index = (this.byName ??= this.build());
    const hits = new Set<number>([...(index.get(`${family}:${name}`) ?? []), ...(index.get(`${family}:${module}`) ?? [])]);
    // An importer names the module it imports from (`from .chat import ask`, `from './chat'`): a file that binds a
    // common name (`get`, `create`) from elsewhere is dropped here for the price of a read, not of a summary (a parse).
    const stem = moduleStem(except);
    return [...hits]
      .map((i) => this.files[i]!)
      .filter((f) => f !== except && (stem === null || (this.fs.peek(f) ?? '').includes(stem)))
      .sort()
      .slice(0, MAX_CANDIDATES);
  }

  private build(): Map<string, number[]> {
    const out = new Map<string, number[]>();
    const stack = [this.root];
    while (stack.length && this.files.length < MAX_INDEXED_FILES) {
      const dir = stack.pop()!;
      for (const f of this.fs.childFiles(dir)) {
        const family = familyOf(f);
        if (!family || this.files.length >= MAX_INDEXED_FILES) continue;
        const text = this.fs.peek(f);
        if (!text || !/\b(import|require|from)\b/.test(text)) continue;
        const id = this.files.push(f) - 1;
        for (const n of importedNames(text, family)) {
          const key = `${family}:${n}`;
          const list = out.get(key);
          if (list) list.push(id);
          else out.set(key, [id]);
        }
      }
      for (const d of this.fs.childDirs(dir).reverse()) if (!basename(d).startsWith('.') && !SKIP_DIRS.has(basename(d))) stack.push(d);
    }
    return out;
  }
}
