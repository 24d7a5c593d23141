// What the language server keeps of each open document between analyses: the last syntax tree (re-parsed
// incrementally on the next edit) and the facts of each top-level C-family function (reused where the edit did not
// touch it). Dropped when the document closes.
import { CFactsCache } from './facts/c-segments';
import { ParseCache } from './parse/tree-sitter';

export class DocumentCache extends ParseCache {
  private readonly facts = new Map<string, CFactsCache>();

  factsFor(key: string): CFactsCache {
    let cache = this.facts.get(key);
    if (!cache) this.facts.set(key, (cache = new CFactsCache()));
    return cache;
  }

  override delete(key: string): void {
    super.delete(key);
    this.facts.delete(key);
  }
}
