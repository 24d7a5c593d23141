// Stable finding fingerprints: the rule, the file and the normalised text of the finding's lines, never the line number
// or the message (a message quotes computed numbers that change with unrelated edits). Identical findings (the same rule
// on the same text in one file) are told apart by their order in the file, so adding lines above keeps every
// fingerprint. One home for SARIF's partialFingerprints, the baseline and `diff`.
import { createHash } from 'node:crypto';
import type { Finding } from './types';

/** The fingerprint's version: a change of the recipe must not silently match old baselines. */
export const FINGERPRINT_VERSION = 1;
/** Lines of a multi-line finding that enter the fingerprint (a long range would change with any edit inside it). */
const MAX_LINES = 3;

/** The finding's line(s) with whitespace collapsed: indentation and trailing spaces do not change the fingerprint. */
export function normalisedLines(text: string, startLine: number, endLine: number): string {
  const lines = text.split(/\r?\n/);
  const last = Math.min(endLine, startLine + MAX_LINES - 1, lines.length);
  const picked: string[] = [];
  for (let l = Math.max(1, startLine); l <= last; l++) picked.push((lines[l - 1] ?? '').replace(/\s+/g, ' ').trim());
  return picked.join('\n');
}

export interface FingerprintOptions {
  /** The file's text by the finding's path; null when it cannot be read (the fingerprint then uses the message id only). */
  textOf: (path: string) => string | null;
  /** The path the fingerprint is computed under (diff maps a renamed file's old path to its new one); default: the finding's. */
  pathOf?: (path: string) => string;
}

/**
 * One fingerprint per finding, in the order given (32 hex characters). Findings of one file are numbered in file order,
 * so the occurrence index does not depend on the order the caller passes them in.
 */
export function fingerprintFindings(findings: readonly Finding[], options: FingerprintOptions): string[] {
  const texts = new Map<string, string | null>();
  const textOf = (path: string) => {
    if (!texts.has(path)) texts.set(path, options.textOf(path));
    return texts.get(path)!;
  };
  const keyed = findings.map((f, index) => {
    const text = textOf(f.path);
    const lines = text === null ? '' : normalisedLines(text, f.range.startLine, f.range.endLine);
    const path = options.pathOf ? options.pathOf(f.path) : f.path;
    return { index, f, base: `v${FINGERPRINT_VERSION}\u0000${f.ruleId}\u0000${f.messageId}\u0000${path}\u0000${lines}` };
  });
  // File order within identical keys: line, then column.
  keyed.sort(
    (a, b) =>
      a.base.localeCompare(b.base) || a.f.range.startLine - b.f.range.startLine || a.f.range.startColumn - b.f.range.startColumn || a.index - b.index,
  );
  const out = new Array<string>(findings.length);
  let prev = '';
  let occurrence = 0;
  for (const k of keyed) {
    occurrence = k.base === prev ? occurrence + 1 : 0;
    prev = k.base;
    out[k.index] = createHash('sha256').update(`${k.base}\u0000${occurrence}`).digest('hex').slice(0, 32);
  }
  return out;
}
