// Options a call spreads from its function's parameter (`{ ...options }`, `**kwargs`), decided by the function's
// callers: each caller (in the file, or in another project file through its summary) says which option names it
// passes. One rule for both languages; the extractors only read their syntax into rows.
import { MAX_TOKENS_PARAMS } from './llm-api-table';

export interface CallerOptions {
  /** Where the callers are (`path:line`). */
  at: string[];
  /** Every option name some caller passes, sorted. */
  keys: string[];
}

/** The callers' option names together; null when one caller's are unknown (a value not read) or no caller is known. */
export function optionsFromCallers(rows: ReadonlyArray<{ at: string; keys: readonly string[] | null }>): CallerOptions | null {
  if (!rows.length || rows.some((r) => r.keys === null)) return null;
  return { at: rows.map((r) => r.at), keys: [...new Set(rows.flatMap((r) => r.keys!))].sort() };
}

/** Some caller passes an output bound: the call is bounded where it is called. */
export function callersBound(o: CallerOptions): boolean {
  return MAX_TOKENS_PARAMS.some((nm) => o.keys.includes(nm));
}
