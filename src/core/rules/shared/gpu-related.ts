// Related locations for GPU findings: the allocation of the device buffer a copy fills, so the editor can show the
// pair (VS Code's "related information", SARIF's relatedLocations).
import type { AllocationFact, GpuEvent, RelatedLocation, TransferFact } from '../../model/types';
import { eventIndex } from '../../facts/memory';
import { phrase, type Lang } from './phrases';

/** The latest allocation of the copy's device buffer before the copy, as a related location. */
export function allocationOf(t: TransferFact, events: readonly GpuEvent[], lang?: Lang): RelatedLocation[] {
  if (!t.deviceBuffer) return [];
  let alloc: AllocationFact | undefined;
  for (const a of eventIndex(events).allocationsOf.get(t.deviceBuffer) ?? []) if (a.order < t.order && (!alloc || a.order > alloc.order)) alloc = a;
  return alloc
    ? [{ range: alloc.range, message: phrase(lang, 'allocatedHere', { buffer: t.deviceBuffer, api: alloc.api, expr: alloc.size.expr }) }]
    : [];
}
