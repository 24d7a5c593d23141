// Which files a scan reads: include/exclude globs (fast-glob), .gitignore files at every level (ignore), the file's
// kind (links, pipes) and a size limit; binary files are caught where they are read (analyseFile). Files of a
// supported language that are left out are listed with the reason.
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { lstatSync, readdir, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Language } from '../model/types';
import { formatInteger } from '../model/units';
import { lookupTable } from '../model/lookup';
import { insideRoot, outsideRootReason } from './read';

const EXTENSIONS: Readonly<Record<string, Language>> = lookupTable({
  '.cu': 'cuda',
  '.cuh': 'cuda',
  '.cl': 'opencl-c',
  '.c': 'c',
  '.h': 'c',
  '.cpp': 'cpp',
  '.cc': 'cpp',
  '.cxx': 'cpp',
  '.hpp': 'cpp',
  '.hh': 'cpp',
  '.hxx': 'cpp',
  '.py': 'python',
  '.pyi': 'python',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescript',
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
  /** Read files whose links lead outside the root (config followLinksOutsideRoot); default: listed as skipped. */
  followLinksOutsideRoot?: boolean;
}

export interface DiscoveredFile {
  /** Path relative to the root, with forward slashes: what reports print. */
  path: string;
  absolutePath: string;
  language: Language;
  bytes: number;
  /** The real path of the root when the file must stay inside it where it is read (links out are not followed). */
  confineTo?: string;
  /**
   * For a file outside the root (`scan /other/repo` run elsewhere): the folder named on the command line that it was
   * found in (its own folder for a named file). Its project headers and imports are resolved inside that folder.
   */
  projectRoot?: string;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  skipped: Array<{ path: string; language?: Language; reason: string; failed?: boolean }>;
  missing: string[];
}

const ALWAYS_EXCLUDED = ['**/.git/**', '**/node_modules/**', '**/.hg/**', '**/.svn/**'];

export async function discoverFiles(options: DiscoverOptions): Promise<DiscoveryResult> {
  const root = resolve(options.root);
  const result: DiscoveryResult = { files: [], skipped: [], missing: [] };
  const targets = options.paths && options.paths.length ? options.paths : ['.'];
  const seen = new Set<string>();
  const gitignores = options.respectGitignore ? new GitignoreSet(root) : null;
  let realRoot: string | undefined;

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
    // A folder that cannot be listed (a path longer than the system allows, no permission) is named, not dropped:
    // fast-glob's errors are suppressed so one bad folder does not end the scan, and recorded here.
    const unlisted: Array<{ path: string; code: string }> = [];
    const candidates = isDir
      ? (
          await fg(options.include, {
            cwd: abs,
            ignore: [...ALWAYS_EXCLUDED, ...options.exclude],
            dot: true,
            onlyFiles: false,
            markDirectories: true,
            // Relative results joined here: with absolute: true fast-glob turns a backslash in a name into a slash, so
            // a file named `a\b.cu` came back as a path that does not exist.
            followSymbolicLinks: false,
            suppressErrors: true,
            extglob: false,
            fs: { readdir: recordingReaddir(unlisted) },
          })
        )
          .filter((f) => !f.endsWith('/'))
          .map((f) => join(abs, f))
          .sort()
      : [abs];
    const listed = new Set(candidates);
    for (const u of unlisted) {
      if (listed.has(u.path)) continue; // matched after all (a line break later in the name)
      const rel = toPosix(relative(root, u.path)) || u.path;
      result.skipped.push({ path: rel, reason: unlistedReason(u.code), failed: true });
    }
    for (const file of candidates) {
      if (seen.has(file)) continue;
      seen.add(file);
      const language = detectLanguage(file);
      if (!language) continue;
      const rel = toPosix(relative(root, file)) || file;
      if (isDir && gitignores?.ignores(file)) continue;
      const check = checkReadable(file, options.maxFileBytes);
      if (typeof check === 'string') {
        result.skipped.push({ path: rel, language, reason: check, failed: isFailure(check) });
        continue;
      }
      // A link (the file or a folder above it) that leads out of the root is not followed unless configured; a file
      // named outside the root on the command line is read where it is.
      const lexicallyInside = insideRoot(file, root);
      if (lexicallyInside && !options.followLinksOutsideRoot) {
        realRoot ??= realPathOr(root);
        const real = realPathOr(file);
        if (!insideRoot(real, realRoot)) {
          result.skipped.push({ path: rel, language, reason: outsideRootReason(real) });
          continue;
        }
      }
      result.files.push({
        path: rel,
        absolutePath: file,
        language,
        bytes: check.bytes,
        ...(lexicallyInside && !options.followLinksOutsideRoot ? { confineTo: realRoot! } : {}),
        ...(lexicallyInside ? {} : { projectRoot: isDir ? abs : dirname(abs) }),
      });
    }
  }
  return result;
}

/** An unreadable file counts as not analysed, except a broken link (a dangling one, a loop): the repository's state. */
function isFailure(reason: string): boolean {
  return reason.startsWith('unreadable') && !reason.includes('symbolic link');
}

function realPathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * fs.readdir as fast-glob calls it, noting the folders it could not list, and the names it will not match: its
 * patterns use `.`, which matches no line break, so a file or folder whose name starts with one is silently left out.
 */
function recordingReaddir(unlisted: Array<{ path: string; code: string }>): typeof readdir {
  return ((path: string, options: unknown, callback: (err: NodeJS.ErrnoException | null, entries: unknown) => void) => {
    readdir(path, options as { withFileTypes: true }, (err, entries) => {
      if (err && err.code !== 'ENOENT' && err.code !== 'ENOTDIR') unlisted.push({ path, code: err.code ?? err.message });
      for (const e of (entries ?? []) as Array<string | { name: string; isDirectory(): boolean }>) {
        const name = typeof e === 'string' ? e : e.name;
        if (!/[\r\n\u2028\u2029]/.test(name)) continue;
        const folder = typeof e !== 'string' && e.isDirectory();
        if (folder || detectLanguage(name)) unlisted.push({ path: join(path, name), code: folder ? 'LINEBREAK_FOLDER' : 'LINEBREAK' });
      }
      callback(err, entries);
    });
  }) as unknown as typeof readdir;
}

function unlistedReason(code: string): string {
  if (code === 'ENAMETOOLONG') return 'folder not read: its path is longer than the system allows (ENAMETOOLONG)';
  if (code === 'LINEBREAK') return 'not analysed: the file name contains a line break, which the glob matching cannot take';
  if (code === 'LINEBREAK_FOLDER') return 'folder not read: its name contains a line break, which the glob matching cannot take';
  return `folder not read: ${code}`;
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
    // The folder listing gave a name that does not exist as spelled: its bytes are not valid UTF-8, and Node decoded
    // them with replacement characters.
    if (code === 'ENOENT' && file.includes('\ufffd')) return 'unreadable: the file name is not valid UTF-8 (shown with \ufffd for the bad bytes)';
    if (code === 'ENAMETOOLONG') return 'unreadable: the path is longer than the system allows (ENAMETOOLONG)';
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
    let ig: Ignore | null;
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
