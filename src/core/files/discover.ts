// Which files a scan reads: include/exclude globs (fast-glob), .gitignore files at every level (ignore), the file's
// kind (links, pipes) and a size limit; binary files are caught where they are read (analyseFile). Files of a
// supported language that are left out are listed with the reason.
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Language } from '../model/types';
import { formatInteger } from '../model/units';
import { lookupTable } from '../model/lookup';

const EXTENSIONS: Readonly<Record<string, Language>> = lookupTable({
  '.cu': 'cuda', '.cuh': 'cuda',
  '.cl': 'opencl-c',
  '.c': 'c', '.h': 'c',
  '.cpp': 'cpp', '.cc': 'cpp', '.cxx': 'cpp', '.hpp': 'cpp', '.hh': 'cpp', '.hxx': 'cpp',
  '.py': 'python', '.pyi': 'python',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescript',
});

/** The file extensions a scan reads (the bench gives ripgrep the same list). */
export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

export function detectLanguage(path: string): Language | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.d.ts')) return undefined;
  const dot = lower.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[lower.slice(dot)];
}

export interface DiscoverOptions {
  root: string;
  /** Files or folders to scan, relative to root or absolute; default: the root. */
  paths?: string[];
  include: string[];
  exclude: string[];
  respectGitignore: boolean;
  maxFileBytes: number;
}

export interface DiscoveredFile {
  /** Path relative to the root, with forward slashes: what reports print. */
  path: string;
  absolutePath: string;
  language: Language;
  bytes: number;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  skipped: Array<{ path: string; language?: Language; reason: string }>;
  missing: string[];
}

const ALWAYS_EXCLUDED = ['**/.git/**', '**/node_modules/**', '**/.hg/**', '**/.svn/**'];

export async function discoverFiles(options: DiscoverOptions): Promise<DiscoveryResult> {
  const root = resolve(options.root);
  const result: DiscoveryResult = { files: [], skipped: [], missing: [] };
  const targets = options.paths && options.paths.length ? options.paths : ['.'];
  const seen = new Set<string>();
  const gitignores = options.respectGitignore ? new GitignoreSet(root) : null;

  for (const target of targets) {
    const abs = isAbsolute(target) ? target : resolve(root, target);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      result.missing.push(target);
      continue;
    }
    // An explicitly named file is scanned even if a glob or .gitignore would leave it out (as ESLint does).
    // Not only regular files: a symbolic link, a FIFO or a socket with a source extension is listed with the reason it
    // is skipped, and a link to a regular file is read as that file. Linked folders are never entered (no loops).
    const candidates = isDir
      ? (await fg(options.include, {
          cwd: abs, ignore: [...ALWAYS_EXCLUDED, ...options.exclude], dot: true, onlyFiles: false, markDirectories: true,
          followSymbolicLinks: false, suppressErrors: true, absolute: true,
        })).filter((f) => !f.endsWith('/')).sort()
      : [abs];
    for (const file of candidates) {
      if (seen.has(file)) continue;
      seen.add(file);
      const language = detectLanguage(file);
      if (!language) continue;
      const rel = toPosix(relative(root, file)) || file;
      if (isDir && gitignores?.ignores(file)) continue;
      const check = checkReadable(file, options.maxFileBytes);
      if (typeof check === 'string') result.skipped.push({ path: rel, language, reason: check });
      else result.files.push({ path: rel, absolutePath: file, language, bytes: check.bytes });
    }
  }
  return result;
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Kind and size checks; returns the reason a file is skipped, or its size. */
export function checkReadable(file: string, maxFileBytes: number): string | { bytes: number } {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return st.isDirectory() ? 'a folder, not a file' : st.isFIFO() ? 'not a regular file (a named pipe)' : 'not a regular file';
    size = st.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'unreadable: symbolic link loop (ELOOP)';
    if (code === 'ENOENT' && isLink(file)) return 'unreadable: symbolic link to a missing file (ENOENT)';
    return `unreadable: ${code ?? (err as Error).message}`;
  }
  if (size > maxFileBytes) return `larger than the size limit (${formatInteger(size)} bytes > ${formatInteger(maxFileBytes)})`;
  // The binary test runs where the file is read (analyseFile, BINARY_REASON), so a scan opens each file once.
  return { bytes: size };
}

export const BINARY_REASON = 'binary file (NUL bytes in the first 8 KB)';

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Same test as git: a NUL byte in the first block means binary. */
export function isBinary(head: Uint8Array): boolean {
  return head.includes(0);
}

/** .gitignore files of every folder between the root and a file, each applied relative to its own folder. */
class GitignoreSet {
  private readonly cache = new Map<string, Ignore | null>();
  constructor(private readonly root: string) {}

  private forDir(dir: string): Ignore | null {
    if (this.cache.has(dir)) return this.cache.get(dir)!;
    let ig: Ignore | null = null;
    try {
      ig = ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8'));
    } catch {
      ig = null;
    }
    this.cache.set(dir, ig);
    return ig;
  }

  ignores(file: string): boolean {
    const dirs: string[] = [];
    for (let d = dirname(file); ; d = dirname(d)) {
      dirs.push(d);
      if (d === this.root || !d.startsWith(this.root) || dirname(d) === d) break;
    }
    for (const dir of dirs.reverse()) {
      const ig = this.forDir(dir);
      if (!ig) continue;
      const rel = toPosix(relative(dir, file));
      if (rel && !rel.startsWith('..') && ig.ignores(rel)) return true;
    }
    return false;
  }
}
