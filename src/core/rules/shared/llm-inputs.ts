// How many texts an embeddings request carries, as the rules read it from the call's facts.
import type { LlmCallFact } from '../../model/types';

/** One text per request: the input is no array literal (`input: text`), or a literal of one element that spreads nothing (`[text]`). */
export function oneInputPerRequest(call: Pick<LlmCallFact, 'batchInputs' | 'inputSpread'>): boolean {
  return call.batchInputs === null || (call.batchInputs === 1 && !call.inputSpread);
}
