// A Map whose entries may be given as a resolver run on the first read of their key. The OpenAI flows use it for
// imported names: whether `x` of `from .db import x` is a store handle is asked of the project model only when the
// code reads `x` as a receiver, so a file that imports hundreds of project modules summarises only those it uses.

export class LazyMap<K, V> extends Map<K, V> {
  private readonly pending = new Map<K, () => V | null | undefined>();

  /** `key`'s value is `resolve()`'s, computed on the first `get`/`has` (no entry when it gives null or undefined). */
  defer(key: K, resolve: () => V | null | undefined): this {
    super.delete(key);
    this.pending.set(key, resolve);
    return this;
  }

  override get(key: K): V | undefined {
    this.settle(key);
    return super.get(key);
  }

  override has(key: K): boolean {
    this.settle(key);
    return super.has(key);
  }

  override set(key: K, value: V): this {
    this.pending?.delete(key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const had = this.pending.delete(key);
    return super.delete(key) || had;
  }

  private settle(key: K): void {
    const resolve = this.pending.get(key);
    if (!resolve) return;
    this.pending.delete(key);
    const value = resolve();
    if (value !== null && value !== undefined) super.set(key, value);
  }
}
