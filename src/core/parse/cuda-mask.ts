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
  '__global__', '__device__', '__host__', '__shared__', '__constant__', '__managed__', '__restrict__',
  '__forceinline__', '__noinline__', '__grid_constant__',
]);

const OPENCL_QUALIFIERS = new Set([
  '__kernel', 'kernel', '__global', 'global', '__local', 'local', '__constant', 'constant', '__private', 'private',
  '__read_only', 'read_only', '__write_only', 'write_only', '__read_write', 'read_write',
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

// One pass over the text; only identifiers short enough to be a qualifier are sliced (this runs on every keystroke
// in the editor, so it avoids a per-character array and per-character strings).
export function maskGpuDialect(text: string, dialect: 'cuda' | 'opencl-c' | 'plain'): MaskResult {
  const launches: LaunchSpan[] = [];
  const qualifiers: QualifierSpan[] = [];
  if (dialect === 'plain' && !text.includes('<<<') && !text.includes('__')) return { text, launches, qualifiers };
  const qualifierSet = dialect === 'opencl-c' ? OPENCL_QUALIFIERS : CUDA_QUALIFIERS;
  const edits: Array<{ from: number; to: number; with?: string }> = [];
  const openStack: number[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const skipped = skipNonCode(text, i, code);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    if (code === 60 /* < */ && dialect !== 'opencl-c' && text.charCodeAt(i + 1) === 60 && text.charCodeAt(i + 2) === 60) {
      openStack.push(i);
      i += 3;
      continue;
    }
    if (code === 62 /* > */ && openStack.length > 0 && text.charCodeAt(i + 1) === 62 && text.charCodeAt(i + 2) === 62) {
      const open = openStack.pop()!;
      edits.push({ from: open, to: open + 3, with: '(  ' }, { from: i, to: i + 3, with: '  )' });
      launches.push({ open, close: i + 3 });
      i += 3;
      continue;
    }
    if (isIdentChar(code)) {
      let j = i + 1;
      while (j < length && isIdentChar(text.charCodeAt(j))) j++;
      // A word starts after a non-identifier character: the loop always lands on a word's first character.
      if (j - i <= MAX_QUALIFIER_LENGTH) {
        const word = text.slice(i, j);
        if (qualifierSet.has(word) && isQualifierPosition(text, j)) {
          edits.push({ from: i, to: j });
          qualifiers.push({ offset: i, text: word });
        } else if (QUALIFIERS_WITH_ARGS.has(word)) {
          const end = matchParens(text, j);
          if (end > j) {
            edits.push({ from: i, to: end });
            qualifiers.push({ offset: i, text: word });
            j = end;
          }
        }
      }
      i = j;
      continue;
    }
    i++;
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

function matchParens(text: string, from: number): number {
  let k = from;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  if (text[k] !== '(') return from;
  let depth = 0;
  for (; k < text.length; k++) {
    if (text[k] === '(') depth++;
    else if (text[k] === ')' && --depth === 0) return k + 1;
  }
  return from;
}
