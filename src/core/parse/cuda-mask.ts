// The C++ grammar knows neither CUDA's `kernel<<<grid, block>>>(args)` launch syntax nor the CUDA / OpenCL C
// qualifiers (`__global__`, `__kernel`, `__global`, ...). We rewrite them to text of the *same length*, so every
// offset, line and column of the tree still points into the user's original file:
//   add<<<g, b>>>(x)   ->   add(  g, b  )(x)      (a call whose callee is a call: recorded as a launch)
//   __global__ void k  ->             void k      (qualifier recorded by offset)
// Comments, string and character literals are skipped so text inside them is never touched.

export interface LaunchSpan {
  /** Offset of `<<<` in the original text. */
  open: number;
  /** Offset just after `>>>`. */
  close: number;
}

export interface QualifierSpan {
  offset: number;
  text: string;
}

export interface MaskResult {
  text: string;
  launches: LaunchSpan[];
  qualifiers: QualifierSpan[];
}

const CUDA_QUALIFIERS = new Set([
  '__global__',
  '__device__',
  '__host__',
  '__shared__',
  '__constant__',
  '__managed__',
  '__restrict__',
  '__forceinline__',
  '__noinline__',
  '__grid_constant__',
]);

const OPENCL_QUALIFIERS = new Set([
  '__kernel',
  'kernel',
  '__global',
  'global',
  '__local',
  'local',
  '__constant',
  'constant',
  '__private',
  'private',
  '__read_only',
  'read_only',
  '__write_only',
  'write_only',
  '__read_write',
  'read_write',
]);

/** Qualifiers that take a parenthesised argument list, blanked with it. */
const QUALIFIERS_WITH_ARGS = new Set(['__launch_bounds__', '__attribute__', '__cluster_dims__']);

function isIdentChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** Longest word of either qualifier table: longer identifiers are never sliced out of the text. */
const MAX_QUALIFIER_LENGTH = Math.max(...[...CUDA_QUALIFIERS, ...OPENCL_QUALIFIERS, ...QUALIFIERS_WITH_ARGS].map((w) => w.length));

/** Skips a comment or literal starting at i; returns the index after it, or i when none starts there. */
function skipNonCode(text: string, i: number, code: number): number {
  if (code === 47 /* / */) {
    const next = text.charCodeAt(i + 1);
    if (next === 47) {
      const nl = text.indexOf('\n', i);
      return nl < 0 ? text.length : nl;
    }
    if (next === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      return end < 0 ? text.length : end + 2;
    }
    return i;
  }
  if (code === 34 /* " */ && isRawStringStart(text, i)) {
    // R"delim( ... )delim": quotes and backslashes inside are text (C++11), so a `"` in it ends nothing.
    // The delimiter is at most 16 characters (C++ [lex.string]); look no further for its `(`.
    const head = text.slice(i + 1, i + 18);
    const open = head.indexOf('(');
    const delimiter = open < 0 ? null : head.slice(0, open);
    if (delimiter !== null && !/[\s\\)"]/.test(delimiter)) {
      const end = text.indexOf(`)${delimiter}"`, i + 2 + open);
      return end < 0 ? text.length : end + delimiter.length + 2;
    }
  }
  if (code === 34 /* " */ || code === 39 /* ' */) {
    let j = i + 1;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === code || c === 10) break;
      j += c === 92 /* \\ */ ? 2 : 1;
    }
    return Math.min(j + 1, text.length);
  }
  return i;
}

/** A `"` that opens a raw string literal: `R"`, `LR"`, `uR"`, `UR"` or `u8R"`, not the end of an identifier. */
function isRawStringStart(text: string, quote: number): boolean {
  if (text.charCodeAt(quote - 1) !== 82 /* R */) return false;
  let k = quote - 2;
  if (text.slice(k - 1, k + 1) === 'u8') k -= 2;
  else if (k >= 0 && 'LuU'.includes(text[k]!)) k--;
  return k < 0 || !isIdentChar(text.charCodeAt(k));
}

/** The text with the spans blanked (line breaks kept) and the replacements written, built from slices. */
function applyEdits(text: string, edits: Array<{ from: number; to: number; with?: string }>): string {
  if (!edits.length) return text;
  edits.sort((a, b) => a.from - b.from);
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.from));
    parts.push(e.with ?? text.slice(e.from, e.to).replace(/[^\r\n]/g, ' '));
    at = e.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Where anything can happen: comments, literals, `<<<`/`>>>`, and words that may be qualifiers (CUDA's all start
 * with `__`). A native regex skips everything else, so ordinary identifiers and code cost next to nothing; this runs
 * on every keystroke in the editor.
 */
const CUDA_EVENTS = /\/\/|\/\*|["']|<<<|>>>|\b__\w*/g;
const OPENCL_EVENTS = new RegExp(`\\/\\/|\\/\\*|["']|\\b(?:__\\w*|${[...OPENCL_QUALIFIERS].filter((w) => !w.startsWith('__')).join('|')})\\b`, 'g');

export function maskGpuDialect(text: string, dialect: 'cuda' | 'opencl-c' | 'plain'): MaskResult {
  const launches: LaunchSpan[] = [];
  const qualifiers: QualifierSpan[] = [];
  if (dialect === 'plain' && !text.includes('<<<') && !text.includes('__')) return { text, launches, qualifiers };
  const qualifierSet = dialect === 'opencl-c' ? OPENCL_QUALIFIERS : CUDA_QUALIFIERS;
  const events = dialect === 'opencl-c' ? OPENCL_EVENTS : CUDA_EVENTS;
  const edits: Array<{ from: number; to: number; with?: string }> = [];
  const openStack: number[] = [];
  let closers: Int32Array | null = null;
  events.lastIndex = 0;
  for (let m = events.exec(text); m; m = events.exec(text)) {
    const i = m.index;
    const token = m[0];
    const code = token.charCodeAt(0);
    if (code === 47 /* / */ || code === 34 /* " */ || code === 39 /* ' */) {
      events.lastIndex = skipNonCode(text, i, code);
    } else if (token === '<<<') {
      openStack.push(i);
    } else if (token === '>>>') {
      if (openStack.length === 0) {
        events.lastIndex = i + 1; // not a launch's end: `>>>>` may still hold one from the next character
        continue;
      }
      const open = openStack.pop()!;
      edits.push({ from: open, to: open + 3, with: '(  ' }, { from: i, to: i + 3, with: '  )' });
      launches.push({ open, close: i + 3 });
    } else if (token.length <= MAX_QUALIFIER_LENGTH) {
      const j = i + token.length;
      if (qualifierSet.has(token) && isQualifierPosition(text, j)) {
        edits.push({ from: i, to: j });
        qualifiers.push({ offset: i, text: token });
      } else if (QUALIFIERS_WITH_ARGS.has(token)) {
        closers ??= matchingParens(text);
        const end = matchParens(text, j, closers);
        if (end > j) {
          edits.push({ from: i, to: end });
          qualifiers.push({ offset: i, text: token });
          events.lastIndex = end;
        }
      }
    }
  }
  return { text: applyEdits(text, edits), launches, qualifiers };
}

/** An address-space word is a qualifier only when a type or declarator follows (OpenCL C allows `global` as a name elsewhere). */
function isQualifierPosition(text: string, after: number): boolean {
  let k = after;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\n' || text[k] === '\r')) k++;
  if (k === after) return false;
  const code = text.charCodeAt(k);
  return isIdentChar(code) || text[k] === '*';
}

/**
 * The end of the parenthesised list at `from` (after spaces), or `from` when there is none. The match of every `(`
 * comes from one pass over the file (matchingParens): scanning to the end from each of many unclosed
 * `__attribute__((` would be quadratic.
 */
function matchParens(text: string, from: number, closers: Int32Array): number {
  let k = from;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  if (text[k] !== '(') return from;
  const close = closers[k]!;
  return close >= 0 ? close + 1 : from;
}

/** For each `(`, the index of its matching `)` (-1: none); other entries are unused. */
function matchingParens(text: string): Int32Array {
  const closers = new Int32Array(text.length).fill(-1);
  const stack: number[] = [];
  for (let k = text.indexOf('('), close = text.indexOf(')'); k >= 0 || close >= 0;) {
    if (k >= 0 && (close < 0 || k < close)) {
      stack.push(k);
      k = text.indexOf('(', k + 1);
    } else {
      const open = stack.pop();
      if (open !== undefined) closers[open] = close;
      close = text.indexOf(')', close + 1);
    }
  }
  return closers;
}
