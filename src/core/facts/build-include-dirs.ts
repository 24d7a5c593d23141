// Include folders a project's own build files give a C-family file when there is no compile_commands.json: the
// `include_directories(...)` / `target_include_directories(...)` of every CMakeLists.txt from the file's folder up to
// the scan root (CMake applies a folder's include_directories to its subfolders), and the `-I` / `-iquote` flags of a
// Makefile in the same folders. Without them an angle include such as `#include <helper_cuda.h>` (CUDA samples,
// `include_directories(../../../Common)`) is not found, and the check macros it defines are unknown: every checked
// launch reads as unchecked. Only literal paths and the folder variables CMake defines are resolved; a path made from
// any other variable is skipped (never guessed). Build files are read bounded and cached by path, mtime and size.
import { realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { readBounded } from '../files/read';

const MAX_BUILD_FILE_BYTES = 512_000;
const MAKEFILES = ['Makefile', 'makefile', 'GNUmakefile'];

interface BuildFileDirs {
  mtimeMs: number;
  size: number;
  /** Folders as written, resolved against the build file's folder; `${CMAKE_SOURCE_DIR}`-style ones kept as markers. */
  dirs: Array<{ path: string } | { sourceDirVar: string; rest: string }>;
  /** CMakeLists.txt that calls project(...): the folder is PROJECT_SOURCE_DIR for itself and below. */
  declaresProject: boolean;
}

const cache = new Map<string, BuildFileDirs | null>();
const MAX_CACHED = 1024;

const inside = (dir: string, path: string): boolean => {
  const r = relative(dir, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/** The include folders the build files between `file`'s folder and `root` give it, nearest folder first. */
export function buildSystemIncludeDirs(root: string, file: string): string[] {
  const top = resolve(root);
  let dir = dirname(resolve(file));
  if (!inside(top, dir)) return [];
  const chain: string[] = [];
  for (;;) {
    chain.push(dir);
    if (dir === top) break;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  let realTop: string;
  try {
    realTop = realpathSync.native(top);
  } catch {
    return [];
  }
  const cmake = chain.map((d) => ({ dir: d, read: readBuildFile(join(d, 'CMakeLists.txt'), realTop, parseCMakeIncludeDirs) }));
  // CMAKE_SOURCE_DIR: the top-most CMakeLists.txt in the chain; PROJECT_SOURCE_DIR: the nearest one calling project().
  const sourceDir = [...cmake].reverse().find((c) => c.read)?.dir ?? null;
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  };
  for (let i = 0; i < chain.length; i++) {
    const d = chain[i]!;
    const c = cmake[i]!.read;
    if (c) {
      const projectDir = cmake.slice(i).find((x) => x.read?.declaresProject)?.dir ?? sourceDir;
      for (const entry of c.dirs) {
        if ('path' in entry) add(entry.path);
        else {
          const base = entry.sourceDirVar === 'CMAKE_SOURCE_DIR' ? sourceDir : entry.sourceDirVar === 'PROJECT_SOURCE_DIR' ? projectDir : d;
          if (base) add(resolve(base, entry.rest));
        }
      }
    }
    for (const name of MAKEFILES) {
      const m = readBuildFile(join(d, name), realTop, parseMakefileIncludeDirs);
      if (m) for (const entry of m.dirs) if ('path' in entry) add(entry.path);
    }
  }
  return out;
}

function readBuildFile(
  path: string,
  realRoot: string,
  parse: (text: string, dir: string) => Omit<BuildFileDirs, 'mtimeMs' | 'size'>,
): BuildFileDirs | null {
  let st;
  try {
    st = statSync(path, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (!st || !st.isFile()) return null;
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
  // A build file linked from outside the root is not read (the same confinement as the scan's files).
  const read = readBounded(path, MAX_BUILD_FILE_BYTES, realRoot);
  const entry = 'bytes' in read ? { mtimeMs: st.mtimeMs, size: st.size, ...parse(read.bytes.toString('utf8'), dirname(path)) } : null;
  cache.set(path, entry);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return entry;
}

const CMAKE_KEYWORDS = new Set(['SYSTEM', 'BEFORE', 'AFTER', 'INTERFACE', 'PUBLIC', 'PRIVATE']);
const CURRENT_DIR_VARS = new Set(['CMAKE_CURRENT_SOURCE_DIR', 'CMAKE_CURRENT_LIST_DIR']);

/** `include_directories(a b)` and `target_include_directories(tgt PUBLIC a b)` of one CMakeLists.txt. */
export function parseCMakeIncludeDirs(text: string, dir: string): Omit<BuildFileDirs, 'mtimeMs' | 'size'> {
  const body = text.replace(/#[^\n]*/g, ''); // line comments (bracket comments are rare in include lists)
  const dirs: BuildFileDirs['dirs'] = [];
  const re = /\b(target_include_directories|include_directories)\s*\(([^)]*)\)/gi;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const args = cmakeArgs(m[2]!);
    if (m[1]!.toLowerCase() === 'target_include_directories') args.shift(); // the target
    for (const arg of args) {
      if (CMAKE_KEYWORDS.has(arg) || arg.includes('$<')) continue;
      const v = /^\$\{(\w+)\}(.*)$/.exec(arg);
      if (v) {
        const rest = v[2]!.replace(/^\//, '') || '.';
        if (rest.includes('${')) continue;
        if (CURRENT_DIR_VARS.has(v[1]!)) dirs.push({ path: resolve(dir, rest) });
        else if (v[1] === 'CMAKE_SOURCE_DIR' || v[1] === 'PROJECT_SOURCE_DIR') dirs.push({ sourceDirVar: v[1], rest });
        continue; // any other variable (CUDAToolkit_INCLUDE_DIRS, …): a folder outside the project or not known here
      }
      if (arg.includes('${') || arg.includes('$ENV{')) continue;
      dirs.push({ path: resolve(dir, arg) });
    }
  }
  return { dirs, declaresProject: /\bproject\s*\(/i.test(body) };
}

/** CMake arguments: whitespace-separated, double quotes group. */
function cmakeArgs(s: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m[1] ?? m[2]!);
  return out;
}

/** `-I dir`, `-Idir`, `-iquote dir` in a Makefile; flags whose path holds a make variable are skipped. */
export function parseMakefileIncludeDirs(text: string, dir: string): Omit<BuildFileDirs, 'mtimeMs' | 'size'> {
  const body = text.replace(/\\\n/g, ' ').replace(/#[^\n]*/g, '');
  const dirs: BuildFileDirs['dirs'] = [];
  const re = /(?:^|[\s=])(?:-I|-iquote)\s*("[^"]+"|'[^']+'|[^\s"']+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const p = m[1]!.replace(/^["']|["']$/g, '');
    if (p.includes('$')) continue;
    dirs.push({ path: resolve(dir, p) });
  }
  return { dirs, declaresProject: false };
}

/** For tests: forget the cached build files. */
export function clearBuildFileCache(): void {
  cache.clear();
}
