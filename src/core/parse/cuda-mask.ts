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

/** Skips a comment or literal starting at i; returns the index after it, or i when none starts there. */
function skipNonCode(text: string, i: number): number {
  const c = text[i];
  if (c === '/' && text[i + 1] === '/') {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl;
  }
  if (c === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    return end < 0 ? text.length : end + 2;
  }
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, text.length);
  }
  return i;
}

function blank(chars: string[], from: number, to: number): void {
  for (let k = from; k < to; k++) if (chars[k] !== '\n' && chars[k] !== '\r') chars[k] = ' ';
}

export function maskGpuDialect(text: string, dialect: 'cuda' | 'opencl-c' | 'plain'): MaskResult {
  const launches: LaunchSpan[] = [];
  const qualifiers: QualifierSpan[] = [];
  if (dialect === 'plain' && !text.includes('<<<') && !text.includes('__')) return { text, launches, qualifiers };
  const qualifierSet = dialect === 'opencl-c' ? OPENCL_QUALIFIERS : CUDA_QUALIFIERS;
  const out: { chars: string[] | null } = { chars: null };
  const edit = (): string[] => (out.chars ??= Array.from({ length: text.length }, (_, k) => text[k]!));
  const openStack: number[] = [];
  let i = 0;
  while (i < text.length) {
    const skipped = skipNonCode(text, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code === 60 /* < */ && text.startsWith('<<<', i) && dialect !== 'opencl-c') {
      openStack.push(i);
      i += 3;
      continue;
    }
    if (code === 62 /* > */ && text.startsWith('>>>', i) && openStack.length > 0) {
      const open = openStack.pop()!;
      const c = edit();
      c[open] = '(';
      c[open + 1] = ' ';
      c[open + 2] = ' ';
      c[i] = ' ';
      c[i + 1] = ' ';
      c[i + 2] = ')';
      launches.push({ open, close: i + 3 });
      i += 3;
      continue;
    }
    if (isIdentChar(code) && (i === 0 || !isIdentChar(text.charCodeAt(i - 1)))) {
      let j = i + 1;
      while (j < text.length && isIdentChar(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      if (qualifierSet.has(word) && isQualifierPosition(text, j)) {
        blank(edit(), i, j);
        qualifiers.push({ offset: i, text: word });
      } else if (QUALIFIERS_WITH_ARGS.has(word)) {
        const end = matchParens(text, j);
        if (end > j) {
          blank(edit(), i, end);
          qualifiers.push({ offset: i, text: word });
          j = end;
        }
      }
      i = j;
      continue;
    }
    i++;
  }
  return { text: out.chars ? out.chars.join('') : text, launches, qualifiers };
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
