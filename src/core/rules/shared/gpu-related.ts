// Related locations for GPU findings: the allocation of the device buffer a copy fills, so the editor can show the
// pair (VS Code's "related information", SARIF's relatedLocations).
import type { AllocationFact, GpuEvent, RelatedLocation, TransferFact } from '../../model/types';
import { phrase, type Lang } from './phrases';

/** The latest allocation of the copy's device buffer before the copy, as a related location. */
export function allocationOf(t: TransferFact, events: readonly GpuEvent[], lang?: Lang): RelatedLocation[] {
  if (!t.deviceBuffer) return [];
  const alloc = events
    .filter((e): e is AllocationFact => e.kind === 'allocation' && e.target === t.deviceBuffer && e.order < t.order)
    .sort((a, b) => b.order - a.order)[0];
  return alloc ? [{ range: alloc.range, message: phrase(lang, 'allocatedHere', { buffer: t.deviceBuffer, api: alloc.api, expr: alloc.size.expr }) }] : [];
}
