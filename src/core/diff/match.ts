// Matching call sites across a change. Passes from the strictest key to the loosest, each in file order, so a call that
// only moved (lines added above, another function, a renamed file) pairs with itself and a swapped model is a change,
// not a removal plus an addition.
import type { LlmProvider } from '../model/types';

export interface CallSide {
  path: string;
  line: number;
  function: string | null;
  operation: string;
  /** Whose API it is (null: cannot be told, a LiteLLM model string of an unknown family). */
  provider: LlmProvider | null;
  model: string | null;
  outputBound: string;
  maxTokens: number | null;
  inLoop: boolean;
  inHandler: boolean;
  stored: boolean;
  store: string | null;
  cache: boolean;
  /** Tokens per call the sizing uses (code, else the profile or workload). */
  inputTokens: number | null;
  outputTokens: number | null;
  perCallUsd: number | null;
  /** On demand, at the profile's (or workload's) request rate. */
  monthlyUsd: number | null;
  /** The call's first line, whitespace collapsed (matching only; not in the report). */
  lineText: string;
}

export type CallField = 'model' | 'outputBound' | 'maxTokens' | 'inLoop' | 'inHandler' | 'stored' | 'store' | 'cache';
const FIELDS: readonly CallField[] = ['model', 'outputBound', 'maxTokens', 'inLoop', 'inHandler', 'stored', 'store', 'cache'];

export interface CallChange {
  /** moved: same call elsewhere (line, function or file), nothing that sizes it changed. */
  status: 'added' | 'removed' | 'changed' | 'moved';
  before: Omit<CallSide, 'lineText'> | null;
  after: Omit<CallSide, 'lineText'> | null;
  /** The fields that differ (changed only). */
  changed: CallField[];
  /** $/month after − before (null when either side is not priced). */
  monthlyDeltaUsd: number | null;
}

const strip = (c: CallSide): Omit<CallSide, 'lineText'> => {
  const { lineText: _, ...rest } = c;
  return rest;
};

export function matchCalls(before: readonly CallSide[], after: readonly CallSide[], toNew: (path: string) => string): CallChange[] {
  const keys: Array<(c: CallSide, path: string) => string> = [
    (c, p) => [p, c.function, c.operation, c.lineText].join('\u0000'),
    (c, p) => [p, c.function, c.operation, c.model].join('\u0000'),
    (c, p) => [p, c.function, c.operation].join('\u0000'),
    (c, p) => [p, c.operation, c.model].join('\u0000'),
    (c) => [c.operation, c.lineText].join('\u0000'),
    (c, p) => [p, c.operation].join('\u0000'),
  ];
  const leftB = new Set(before.map((_, i) => i));
  const leftA = new Set(after.map((_, i) => i));
  const pairs: Array<[CallSide, CallSide]> = [];
  for (const key of keys) {
    const pool = new Map<string, number[]>();
    for (const i of leftB) {
      const k = key(before[i]!, toNew(before[i]!.path));
      const list = pool.get(k);
      if (list) list.push(i);
      else pool.set(k, [i]);
    }
    for (const j of [...leftA]) {
      const list = pool.get(key(after[j]!, after[j]!.path));
      if (!list?.length) continue;
      const i = list.shift()!;
      leftB.delete(i);
      leftA.delete(j);
      pairs.push([before[i]!, after[j]!]);
    }
  }
  const delta = (b: CallSide | null, a: CallSide | null): number | null => {
    const mb = b ? b.monthlyUsd : 0;
    const ma = a ? a.monthlyUsd : 0;
    return mb === null || ma === null ? null : ma - mb;
  };
  const out: CallChange[] = [];
  for (const [b, a] of pairs) {
    const changed = FIELDS.filter((f) => b[f] !== a[f]);
    const same = b.line === a.line && b.function === a.function && toNew(b.path) === a.path;
    if (!changed.length && same) continue;
    out.push({ status: changed.length ? 'changed' : 'moved', before: strip(b), after: strip(a), changed, monthlyDeltaUsd: delta(b, a) });
  }
  for (const j of leftA) out.push({ status: 'added', before: null, after: strip(after[j]!), changed: [], monthlyDeltaUsd: delta(null, after[j]!) });
  for (const i of leftB)
    out.push({ status: 'removed', before: strip(before[i]!), after: null, changed: [], monthlyDeltaUsd: delta(before[i]!, null) });
  const where = (c: CallChange) => (c.after ?? c.before)!;
  return out.sort((x, y) => where(x).path.localeCompare(where(y).path) || where(x).line - where(y).line);
}
