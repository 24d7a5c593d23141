// Python module names to project files: relative imports (`.x`, `..`, counted from the importing file's package) and
// absolute ones inside the project's roots — the scanned root, its `src/` (the src layout), and the folder above the
// importing file's top package (the folders with `__init__.py` around it). A module is `a/b.py` or `a/b/__init__.py`;
// a namespace package (a folder without `__init__.py`) resolves to no file. Installed packages are not project files,
// nor is anything under a site-packages / dist-packages folder inside the root.
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { ProjectFs } from './project-fs';

/** Folders pip and the system's Python install packages into. */
const INSTALLED_DIRS: ReadonlySet<string> = new Set(['site-packages', 'dist-packages']);

export class PyResolver {
  constructor(
    private readonly root: string,
    private readonly fs: ProjectFs,
  ) {}

  /**
   * The file of module `dotted` (leading dots: relative to `fromFile`'s package), or null. `from . import x` asks
   * for `.` and then for `.x`.
   */
  resolve(dotted: string, fromFile: string): string | null {
    const level = /^\.*/.exec(dotted)![0].length;
    const names = dotted.slice(level).split('.').filter(Boolean);
    if (level > 0) {
      let dir = dirname(fromFile);
      for (let i = 1; i < level; i++) dir = dirname(dir);
      return this.inside(this.module(dir, names));
    }
    for (const root of this.rootsFor(fromFile)) {
      const hit = this.inside(this.module(root, names));
      if (hit) return hit;
    }
    return null;
  }

  /** Whether `dotted` names a package folder (`from pkg import sub` may then mean the module pkg/sub.py). */
  private module(base: string, names: string[]): string | null {
    const path = join(base, ...names);
    if (names.length && this.fs.isFile(`${path}.py`)) return `${path}.py`;
    if (this.fs.isFile(join(path, '__init__.py'))) return join(path, '__init__.py');
    return null;
  }

  private rootsFor(fromFile: string): string[] {
    let dir = dirname(fromFile);
    while (this.fs.isFile(join(dir, '__init__.py')) && dirname(dir) !== dir) dir = dirname(dir);
    return [...new Set([dir, this.root, join(this.root, 'src')])];
  }

  private inside(path: string | null): string | null {
    if (!path) return null;
    const rel = relative(this.root, path);
    if (rel.startsWith('..') || isAbsolute(rel)) return null;
    // A virtualenv or a system tree inside the scanned folder: installed code, as node_modules is for JS.
    return rel.split(/[\\/]/).some((part) => INSTALLED_DIRS.has(part)) ? null : path;
  }
}
