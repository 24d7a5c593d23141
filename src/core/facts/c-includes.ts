// `#include "…"` of project headers: which files a C-family file includes, and what they define for folding
// (macros, constants, enums, struct layouts, reference out-parameters) and for rules (macro bodies and functions by
// name, such as check macros and allocation wrappers). A quoted include is looked for next to the including file,
// then in the configured include dirs, then in the -I/-iquote folders of compile_commands.json at the root (without
// one, the include folders of the project's CMakeLists.txt / Makefiles, build-include-dirs.ts); an angle include
// only in those dirs (never the system's). Reads are bounded, links out of the root are not followed
// unless they land in a configured dir, cycles and depth are bounded, and a header's definitions are cached by its
// path, content hash and the definitions it was read after.
import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync, constants as fsConstants } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseSource, withCExpression } from '../parse/tree-sitter';
import { CConstantFolder, FUNCTION_TYPES, type HeaderDefinitions } from './c-constants';
import type { HeaderFunction, HeaderMacro, IncludedHeaderFacts } from '../model/types';
import { Enclosing, LineMap, NodeIndex, children, field } from './syntax';
import { buildSystemIncludeDirs, clearBuildFileCache } from './build-include-dirs';

export interface IncludedHeaders extends IncludedHeaderFacts {
  /** What the headers define, merged in include order, for CConstantFolder. */
  definitions: HeaderDefinitions;
  /** Changes whenever any header read, or what it was read after, changes: part of the editor cache's context key. */
  key: string;
}

export interface IncludeOptions {
  /** The scan root or the document's workspace folder: compile_commands.json is looked for there. */
  root: string;
  /** Configured include dirs, absolute or relative to `configDir`. */
  includeDirs?: readonly string[];
  /** Folder of the configuration file (relative include dirs are resolved against it; default: root). */
  configDir?: string | null;
}

/** A header larger than this is not read (a generated table, not a project header). */
export const MAX_HEADER_BYTES = 1_000_000;
/** Total bytes of headers read for one file. */
const MAX_TOTAL_BYTES = 8_000_000;
/** Headers read for one file, and nesting depth of includes. */
const MAX_HEADERS = 256;
export const MAX_INCLUDE_DEPTH = 16;
const MAX_FUNCTION_CHARS = 8_000;
const MAX_COMPILE_COMMANDS_BYTES = 32_000_000;
const HEADER_TYPES: ReadonlySet<string> = new Set([
  'preproc_def',
  'preproc_function_def',
  'enumerator_list',
  'struct_specifier',
  'class_specifier',
  'union_specifier',
  'type_definition',
  'declaration',
  'function_definition',
  'lambda_expression',
  'call_expression',
  'assignment_expression',
  'update_expression',
  'pointer_expression',
  'expression_statement',
]);

/** The quoted and angle includes of a text, in order: one pass over its lines, no regular expression. */
export function includesOf(text: string): Array<{ name: string; quoted: boolean }> {
  const found: Array<{ name: string; quoted: boolean }> = [];
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let i = at;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === '#') {
      i++;
      while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
      if (text.startsWith('include', i)) {
        i += 7;
        while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
        const open = text[i];
        const close = open === '"' ? '"' : open === '<' ? '>' : null;
        if (close) {
          const stop = text.indexOf(close, i + 1);
          if (stop > i + 1 && stop < end) found.push({ name: text.slice(i + 1, stop), quoted: close === '"' });
        }
      }
    }
    at = end + 1;
  }
  return found;
}

/** Reads at most `limit` bytes of a regular file; never blocks on a FIFO, never reads a device. */
function readBounded(path: string, limit: number): { text: string } | { error: string } {
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { error: (err as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  try {
    if (!fstatSync(fd).isFile()) return { error: 'not a regular file' };
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(65536);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      total += n;
      if (total > limit) return { error: `larger than ${limit} bytes` };
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return { text: Buffer.concat(chunks).toString('utf8') };
  } catch (err) {
    return { error: (err as NodeJS.ErrnoException).code ?? 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

const inside = (dir: string, path: string): boolean => {
  const r = relative(dir, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/** -I / -iquote folders of compile_commands.json at the root, for one file (or every entry's when none names it). */
const compileCommandsCache = new Map<string, { mtimeMs: number; size: number; byFile: Map<string, string[]>; all: string[] }>();

export function compileCommandDirs(root: string, file: string): string[] {
  const path = join(root, 'compile_commands.json');
  let st;
  try {
    st = statSync(path, { throwIfNoEntry: false });
  } catch {
    return [];
  }
  if (!st) return [];
  let entry = compileCommandsCache.get(path);
  if (!entry || entry.mtimeMs !== st.mtimeMs || entry.size !== st.size) {
    const byFile = new Map<string, string[]>();
    const all = new Set<string>();
    const read = readBounded(path, MAX_COMPILE_COMMANDS_BYTES);
    let parsed: unknown = [];
    if ('text' in read) {
      try {
        parsed = JSON.parse(read.text);
      } catch {
        parsed = [];
      }
    }
    for (const e of Array.isArray(parsed) ? parsed : []) {
      if (!e || typeof e !== 'object') continue;
      const { directory, file: f, arguments: args, command } = e as Record<string, unknown>;
      const dir = typeof directory === 'string' ? directory : root;
      const words = Array.isArray(args)
        ? args.filter((a): a is string => typeof a === 'string')
        : typeof command === 'string'
          ? splitCommand(command)
          : [];
      const dirs: string[] = [];
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        for (const flag of ['-I', '-iquote', '/I']) {
          if (w === flag && words[i + 1]) dirs.push(resolve(dir, words[++i]!));
          else if (w.startsWith(flag) && w.length > flag.length) dirs.push(resolve(dir, w.slice(flag.length)));
        }
      }
      for (const d of dirs) all.add(d);
      if (typeof f === 'string') byFile.set(resolve(dir, f), dirs);
    }
    entry = { mtimeMs: st.mtimeMs, size: st.size, byFile, all: [...all] };
    compileCommandsCache.set(path, entry);
    if (compileCommandsCache.size > 16) compileCommandsCache.delete(compileCommandsCache.keys().next().value!);
  }
  return entry.byFile.get(resolve(file)) ?? entry.all;
}

/** Shell-like split of a compile command: quotes group, backslash escapes; one pass. */
function splitCommand(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | null = null;
  let any = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < command.length) word += command[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      any = true;
    } else if (c === '\\' && i + 1 < command.length) {
      word += command[++i];
      any = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (word || any) words.push(word);
      word = '';
      any = false;
    } else word += c;
  }
  if (word || any) words.push(word);
  return words;
}

interface HeaderRead {
  /** Own definitions, folded after what was included before the header. */
  definitions: HeaderDefinitions;
  macros: HeaderMacro[];
  functions: HeaderFunction[];
}

/** Headers already read, by path + content hash + the key of what they were read after (bounded, oldest dropped). */
const headerCache = new Map<string, HeaderRead>();
const MAX_CACHED_HEADERS = 512;

const EMPTY: HeaderDefinitions = {
  defines: new Map(),
  functionMacros: new Map(),
  constants: new Map(),
  enums: new Map(),
  layouts: new Map(),
  refParams: new Map(),
};

/**
 * The project headers `text` (the file at `absolutePath`) includes, transitively, and what they define. Null when
 * it includes none that can be found. Never throws: a header that cannot be read is listed in `notRead`.
 */
export async function readProjectIncludes(absolutePath: string, text: string, options: IncludeOptions): Promise<IncludedHeaders | null> {
  const root = safeRealpath(resolve(options.root)) ?? resolve(options.root);
  const configDir = options.configDir ? resolve(options.configDir) : root;
  const configured = (options.includeDirs ?? []).map((d) => resolve(configDir, d));
  const allowed = [root, ...configured.map((d) => safeRealpath(d) ?? d)];
  // compile_commands.json says what the build passes; without it, the project's CMakeLists.txt / Makefile do.
  const fromCompileCommands = compileCommandDirs(root, absolutePath);
  const searchDirs = [...configured, ...(fromCompileCommands.length > 0 ? fromCompileCommands : buildSystemIncludeDirs(root, absolutePath))];
  const files: string[] = [];
  const notRead: IncludedHeaders['notRead'] = [];
  const seen = new Set<string>([safeRealpath(absolutePath) ?? resolve(absolutePath)]);
  const order: Array<{ path: string; text: string; hash: string }> = [];
  let totalBytes = 0;

  const find = (name: string, quoted: boolean, fromDir: string): string | null => {
    if (isAbsolute(name)) return null; // an absolute include names the system's, not the project's
    for (const dir of quoted ? [fromDir, ...searchDirs] : searchDirs) {
      const candidate = join(dir, name);
      try {
        if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
      } catch {
        // not a folder on the way (ENOTDIR), no permission: try the next dir
      }
    }
    return null;
  };

  // Depth-first in include order, each header once (include guards and #pragma once make this the usual meaning).
  const visit = (fileText: string, fromPath: string, depth: number): void => {
    for (const inc of includesOf(fileText)) {
      const found = find(inc.name, inc.quoted, dirname(fromPath));
      if (!found) {
        if (inc.quoted) notRead.push({ include: inc.name, from: fromPath, reason: 'not found' });
        continue;
      }
      const real = safeRealpath(found);
      if (!real || seen.has(real)) continue;
      seen.add(real);
      if (!allowed.some((d) => inside(d, real))) {
        notRead.push({ include: inc.name, from: fromPath, reason: 'outside the scanned root and the include dirs' });
        continue;
      }
      if (depth >= MAX_INCLUDE_DEPTH || order.length >= MAX_HEADERS) {
        notRead.push({ include: inc.name, from: fromPath, reason: `include bound reached (depth ${MAX_INCLUDE_DEPTH}, ${MAX_HEADERS} headers)` });
        continue;
      }
      const read = readBounded(real, Math.min(MAX_HEADER_BYTES, MAX_TOTAL_BYTES - totalBytes));
      if ('error' in read) {
        notRead.push({ include: inc.name, from: fromPath, reason: read.error });
        continue;
      }
      totalBytes += Buffer.byteLength(read.text);
      // A header's own includes come first: what it uses is defined before it.
      visit(read.text, real, depth + 1);
      order.push({ path: real, text: read.text, hash: createHash('sha1').update(read.text).digest('hex') });
      files.push(real);
    }
  };
  visit(text, absolutePath, 0);
  if (order.length === 0 && notRead.length === 0) return null;

  let merged: HeaderDefinitions = EMPTY;
  let key = '';
  const macros = new Map<string, HeaderMacro>();
  const functions = new Map<string, HeaderFunction>();
  for (const h of order) {
    key = createHash('sha1').update(`${key}\u0000${h.path}\u0000${h.hash}`).digest('hex');
    let read = headerCache.get(key);
    if (!read) {
      read = await readHeader(h.path, h.hash, h.text, merged);
      headerCache.set(key, read);
      if (headerCache.size > MAX_CACHED_HEADERS) headerCache.delete(headerCache.keys().next().value!);
    }
    merged = read.definitions;
    for (const m of read.macros) macros.set(m.name, m);
    for (const f of read.functions) if (!functions.has(f.name)) functions.set(f.name, f);
  }
  return { definitions: merged, macros, functions, files, notRead, key: `${key}|${notRead.map((n) => `${n.include}:${n.reason}`).join(',')}` };
}

/**
 * Real paths for a few seconds: a scan resolves the same headers for every file that includes them. A link
 * changed since is seen once the entry is older than REALPATH_TTL_MS.
 */
const realpaths = new Map<string, { real: string | null; at: number }>();
const REALPATH_TTL_MS = 5000;

function safeRealpath(path: string): string | null {
  const now = Date.now();
  const hit = realpaths.get(path);
  if (hit && now - hit.at < REALPATH_TTL_MS) return hit.real;
  let real: string | null;
  try {
    real = realpathSync(path);
  } catch {
    real = null;
  }
  if (realpaths.size > 4096) realpaths.clear();
  realpaths.set(path, { real, at: now });
  return real;
}

/** Parses one header and reads its definitions, folded after what was included before it. */
/** A header parsed once per content: its tree, nodes, macros and functions (what does not depend on earlier headers). */
interface ParsedHeader {
  parsed: Awaited<ReturnType<typeof parseSource>>;
  nodes: NodeIndex;
  macros: HeaderMacro[];
  functions: HeaderFunction[];
}

/**
 * Parsed headers by path and content hash (bounded, oldest dropped and its tree freed): a header read after different
 * definitions (another include order) is folded again, not parsed again. Parsing was most of a header's cost.
 */
const parsedHeaders = new Map<string, ParsedHeader>();
const MAX_PARSED_HEADERS = 64;

async function parseHeader(path: string, hash: string, text: string): Promise<ParsedHeader | null> {
  const key = `${path}\u0000${hash}`;
  const hit = parsedHeaders.get(key);
  if (hit) {
    parsedHeaders.delete(key);
    parsedHeaders.set(key, hit); // most recently used last
    return hit;
  }
  let parsed;
  try {
    parsed = await parseSource(text, path.endsWith('.cuh') ? 'cuda' : 'cpp');
  } catch {
    return null;
  }
  try {
    const nodes = new NodeIndex(parsed.tree.rootNode, HEADER_TYPES);
    const lines = new LineMap(text);
    const lineOf = (offset: number) => lines.position(offset).line;
    const macros: HeaderMacro[] = [];
    const functions: HeaderFunction[] = [];
    for (const node of nodes.of(new Set(['preproc_def', 'preproc_function_def']))) {
      const name = field(node, 'name');
      if (!name) continue;
      const params = node.type === 'preproc_function_def' ? field(node, 'parameters') : null;
      const after = params ?? name;
      macros.push({
        name: name.text,
        params: params ? children(params).map((p) => p.text) : null,
        body: node.text.slice(after.endIndex - node.startIndex).trim(),
        file: path,
        line: lineOf(node.startIndex),
      });
    }
    for (const node of nodes.of(new Set(['function_definition']))) {
      let d = field(node, 'declarator');
      while (d && d.type !== 'function_declarator') d = field(d, 'declarator');
      const id = d ? field(d, 'declarator') : null;
      const name = id?.type === 'qualified_identifier' ? id.text.split('::').pop()! : id?.text;
      if (!d || !name || !/^[A-Za-z_]\w*$/.test(name)) continue;
      const params = children(field(d, 'parameters') ?? d)
        .filter((p) => p.type === 'parameter_declaration')
        .map((p) => p.text);
      functions.push({ name, params, text: node.text.slice(0, MAX_FUNCTION_CHARS), file: path, line: lineOf(node.startIndex) });
    }
    const entry: ParsedHeader = { parsed, nodes, macros, functions };
    parsedHeaders.set(key, entry);
    if (parsedHeaders.size > MAX_PARSED_HEADERS) {
      const [oldKey, old] = parsedHeaders.entries().next().value!;
      parsedHeaders.delete(oldKey);
      old.parsed.tree.delete();
    }
    return entry;
  } catch {
    parsed.tree.delete();
    return null;
  }
}

async function readHeader(path: string, hash: string, text: string, before: HeaderDefinitions): Promise<HeaderRead> {
  const header = await parseHeader(path, hash, text);
  if (!header) return { definitions: before, macros: [], functions: [] };
  try {
    const folder = new CConstantFolder(withCExpression, before);
    folder.collect(header.nodes, new Enclosing(header.nodes.of(FUNCTION_TYPES)));
    // What came before plus what this header adds or changes (seeded first, so a redefinition wins).
    return { definitions: folder.definitionsForIncluders(), macros: header.macros, functions: header.functions };
  } catch {
    return { definitions: before, macros: [], functions: [] };
  }
}

/** For tests: forget the cached headers and compile commands. */
export function clearIncludeCaches(): void {
  realpaths.clear();
  headerCache.clear();
  for (const h of parsedHeaders.values()) h.parsed.tree.delete();
  parsedHeaders.clear();
  compileCommandsCache.clear();
  clearBuildFileCache();
}
