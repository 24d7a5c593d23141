// Callers of a launcher in the files beside it. A kernel file often holds only launchers
// (`extern "C" void render_kernel(...) { d_render<<<grid, block>>>(...); }`) and the program that calls them is in the
// same folder (`render_kernel(...); getLastCudaError("render_kernel failed");`). Whether the launch is checked is
// decided there: checked when every call of the launcher in those files is followed, in its caller, by a read of the
// last error or a checked synchronize, the same test as for a caller in the launcher's own file. Only the folder's
// own C-family files are read (bounded in number and size, confined to the root), each parsed with its project headers;
// launchers no sibling calls stay unchecked.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { ApiCallFact, GpuFileFacts, Language } from '../model/types';
import { detectLanguage } from '../files/discover';
import { readBounded } from '../files/read';
import { deleteTree, parseSource, withCExpression } from '../parse/tree-sitter';
import { extractCGpuFacts, launchCheckedFrom } from './c-gpu';
import { callSitesOfAll } from './c-error-checks';
import { readProjectIncludes, type IncludeOptions } from './c-includes';
import { LineMap } from './syntax';

/** Files of the folder looked at, and the size of each: a sample's folder, not a whole source tree. */
const MAX_SIBLINGS = 48;
const MAX_SIBLING_BYTES = 1_000_000;

export interface SiblingCallers {
  /** Launchers whose every call in the sibling files is checked after it (at least one call). */
  checked: Set<string>;
  /** Absolute paths of the sibling files read (the language server re-analyses when one changes). */
  files: string[];
}

/** The launchers among `names` that the files beside `absolutePath` call and check after every call. */
export async function checkedBySiblingCallers(absolutePath: string, names: readonly string[], options: IncludeOptions): Promise<SiblingCallers> {
  const out: SiblingCallers = { checked: new Set(), files: [] };
  if (!names.length) return out;
  let realRoot: string;
  let entries: string[];
  try {
    realRoot = realpathSync.native(options.root);
    entries = readdirSync(dirname(absolutePath));
  } catch {
    return out;
  }
  const self = basename(absolutePath);
  const call = new RegExp(`\\b(?:${names.join('|')})\\s*\\(`);
  const namesKey = names.join(',');
  const sites = new Map<string, { calls: number; checked: number }>(names.map((n) => [n, { calls: 0, checked: 0 }]));
  let looked = 0;
  for (const name of entries.sort()) {
    const language = detectLanguage(name);
    if (name === self || !language || language === 'python' || language === 'javascript' || language === 'typescript') continue;
    if (++looked > MAX_SIBLINGS) break;
    const path = join(dirname(absolutePath), name);
    const sibling = siblingText(path, realRoot);
    if (!sibling) continue;
    // Whether it names a launcher at all, remembered with its text: most siblings call none, and are then not read again.
    let mentions = sibling.mentions.get(namesKey);
    if (mentions === undefined) sibling.mentions.set(namesKey, (mentions = call.test(sibling.text)));
    if (!mentions) continue;
    const text = sibling.text;
    out.files.push(path);
    // A sibling that cannot be read here is reported where it is analysed itself; here it only calls nothing.
    let headers;
    try {
      headers = await readProjectIncludes(path, text, options);
    } catch {
      continue;
    }
    // The editor asks on every edit of the launcher's file: a sibling is parsed again only when it (or what it
    // includes) changed, or other launchers are asked about.
    const key = `${sibling.hash}\u0000${namesKey}\u0000${headers?.key ?? ''}`;
    let counts = siblingCache.get(key);
    if (!counts) {
      const fresh = await countCheckedCalls(path, text, language, names, headers);
      if (!fresh) continue;
      counts = fresh;
      siblingCache.set(key, counts);
      if (siblingCache.size > MAX_CACHED_SIBLINGS) siblingCache.delete(siblingCache.keys().next().value!);
    }
    for (const [n, c] of counts) {
      const count = sites.get(n)!;
      count.calls += c.calls;
      count.checked += c.checked;
    }
  }
  for (const [n, c] of sites) if (c.calls > 0 && c.checked === c.calls) out.checked.add(n);
  return out;
}

interface SiblingText {
  mtimeMs: number;
  size: number;
  text: string;
  hash: string;
  /** By the launchers asked about (joined): whether the text calls one of them. */
  mentions: Map<string, boolean>;
}

/**
 * Sibling files by path, read again only when their modification time or size changes: the editor asks on every
 * edit of the launcher's file, and reading up to 48 files of 1 MB each time would be most of the edit's cost.
 */
const siblingTexts = new Map<string, SiblingText>();
const MAX_CACHED_TEXT_BYTES = 32_000_000;
let cachedTextBytes = 0;

function siblingText(path: string, realRoot: string): SiblingText | null {
  let st;
  try {
    st = statSync(path, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (!st?.isFile()) return null;
  const known = siblingTexts.get(path);
  if (known && known.mtimeMs === st.mtimeMs && known.size === st.size) return known;
  if (known) {
    siblingTexts.delete(path);
    cachedTextBytes -= known.text.length;
  }
  // Read bounded and confined to the root, as the scan reads its files.
  const read = readBounded(path, MAX_SIBLING_BYTES, realRoot);
  if (!('bytes' in read)) return null;
  const text = read.bytes.toString('utf8');
  const entry: SiblingText = { mtimeMs: st.mtimeMs, size: st.size, text, hash: createHash('sha1').update(text).digest('hex'), mentions: new Map() };
  siblingTexts.set(path, entry);
  cachedTextBytes += text.length;
  for (const [oldPath, old] of siblingTexts) {
    if (cachedTextBytes <= MAX_CACHED_TEXT_BYTES) break;
    siblingTexts.delete(oldPath);
    cachedTextBytes -= old.text.length;
  }
  return entry;
}

/** Per sibling text, launchers asked and headers: its calls of each launcher and how many are checked after. */
const siblingCache = new Map<string, Map<string, { calls: number; checked: number }>>();
const MAX_CACHED_SIBLINGS = 256;

async function countCheckedCalls(
  path: string,
  text: string,
  language: Language,
  names: readonly string[],
  headers: Awaited<ReturnType<typeof readProjectIncludes>>,
): Promise<Map<string, { calls: number; checked: number }> | null> {
  let parsed;
  try {
    parsed = await parseSource(text, language);
  } catch {
    return null;
  }
  const counts = new Map(names.map((n) => [n, { calls: 0, checked: 0 }]));
  try {
    const facts: GpuFileFacts = extractCGpuFacts(parsed, path, language, withCExpression, undefined, headers);
    const checkedFrom = launchCheckedFrom(facts.events, facts.apiCalls);
    const lines = new LineMap(parsed.text);
    for (const [n, found] of callSitesOfAll(parsed, names, (at) => lines.position(at).line)) {
      const count = counts.get(n)!;
      for (const s of found) {
        count.calls++;
        if (checkedFrom(s.line, s.function)) count.checked++;
      }
    }
  } catch {
    // Facts that cannot be read: this sibling's calls count as unchecked (nothing is hidden by a failure).
    counts.forEach((c) => c.calls++);
  } finally {
    deleteTree(parsed.tree);
  }
  return counts;
}

/** For tests: forget the siblings read. */
export function clearSiblingCache(): void {
  siblingCache.clear();
  siblingTexts.clear();
  cachedTextBytes = 0;
}

/** The facts with the launches of those launchers checked (new objects: facts may be shared with a cache). */
export function withCheckedLaunchers(facts: GpuFileFacts, checked: ReadonlySet<string>): GpuFileFacts {
  if (!checked.size) return facts;
  const apiCalls: ApiCallFact[] = facts.apiCalls.map((c) => (c.launcher && checked.has(c.launcher) ? { ...c, checked: true } : c));
  return { ...facts, apiCalls };
}
