// Tables looked up by text from outside (callee and model names from the code, file extensions, language ids,
// workload size expressions): a plain object answers `constructor`, `toString` or `__proto__` from its prototype
// ("function Object() { [native code] }", NaN bytes). These helpers make such look-ups see own entries only.

/** A frozen table with no prototype: `t['constructor']` is undefined and `'toString' in t` is false. */
export function lookupTable<T extends object>(entries: T): Readonly<T> {
  const t = Object.create(null) as T;
  for (const [k, v] of Object.entries(entries)) Object.defineProperty(t, k, { value: v, enumerable: true });
  return Object.freeze(t);
}

/** An empty table with no prototype, to fill with names from the code. */
export function emptyTable<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** `table[key]` when `key` is the table's own entry (any object: parsed JSON, a package's data), else undefined. */
export function own<V>(table: Readonly<Record<string, V>> | null | undefined, key: string): V | undefined {
  return table != null && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
