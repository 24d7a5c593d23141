// CUDA calls whose cudaError_t / CUresult is dropped, and kernel launches never followed by an error check: one
// finding per function (its related locations list every call; one fix wraps them all).
import type { ApiCallFact, Fix, RelatedLocation } from '../model/types';
import { eventIndex } from '../facts/memory';
import type { GpuRule } from './rule';
import { phrase } from './shared/phrases';

/** The standard headers that declare `fprintf` and `stderr` (the fix without a check macro prints through them). */
const STDIO_INCLUDE = /^[ \t]*#[ \t]*include[ \t]*<(cstdio|stdio\.h)>/m;

/**
 * The edit that reads `cudaGetLastError()` right after a launch statement, or null when a statement cannot go there
 * safely: the launch must be a whole statement in a block (after `;`, `{` or `}`), not the body of an unbraced
 * `if`/`for`/`else`, where a second statement would change what the condition controls.
 */
function launchCheckEdit(text: string, call: ApiCallFact, macro: string | null): Fix['edits'][number] | null {
  let start = call.startOffset;
  while (start > 0 && /[\w:<>]/.test(text[start - 1]!)) start--; // `ns::kernel` before the masked launch span
  let before = start - 1;
  while (before >= 0 && /\s/.test(text[before]!)) before--;
  if (before >= 0 && !';{}'.includes(text[before]!)) return null;
  const semicolon = text.indexOf(';', call.endOffset);
  if (semicolon < 0 || text.slice(call.endOffset, semicolon).trim() !== '') return null;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const check = macro
    ? `${macro}(cudaGetLastError());`
    : '{ const cudaError_t launchStatus = cudaGetLastError(); if (launchStatus != cudaSuccess) fprintf(stderr, "kernel launch failed: %s\\n", cudaGetErrorString(launchStatus)); }';
  return { startOffset: semicolon + 1, endOffset: semicolon + 1, newText: `\n${indent}${check}` };
}

/**
 * Statuses that guard little later code relies on: events and timing, queries, profiler markers, teardown (a failed
 * free at exit changes little). A function whose only unchecked calls are these is reported one severity level lower
 * (info by default); next to an unchecked allocation, copy, launch, memset, sync or set-up they are listed with it.
 */
export const UNGUARDING_CUDA_CALL =
  /^(cuda|cu)(Event\w*|Get\w*|DeviceGet\w*|DeviceCanAccessPeer|Occupancy\w*|Pointer\w*Attribute\w*|FuncGetAttributes|MemGetInfo\w*|DriverGetVersion|RuntimeGetVersion|StreamQuery|ProfilerStart|ProfilerStop|Free\w*|MemFree\w*|StreamDestroy\w*|DeviceReset|\w+Destroy(_v2)?|CtxGet\w*|DeviceTotalMem\w*|DeviceComputeCapability)(_v2)?$/;

export const rule: GpuRule = {
  meta: {
    id: 'gpu-unchecked-call',
    description: 'The status of a CUDA API call or kernel launch is never checked.',
    category: 'gpu',
    defaultSeverity: 'warning',
    messages: {
      call: 'The status returned by {{api}} is discarded: if it fails (out of memory, invalid argument, an earlier asynchronous error) the program continues with a bad pointer or stale data and fails later somewhere unrelated. Check it{{macro}}.',
      stored:
        'The status returned by {{api}} is stored in {{name}}, which is overwritten (or left) before anything reads it: if the call fails (out of memory, invalid argument, an earlier asynchronous error) the program continues with a bad pointer or stale data and fails later somewhere unrelated. Check {{name}} right after the call{{macro}}.',
      calls:
        '{{count}} CUDA calls in {{function}} discard their status ({{apis}}): if one fails (out of memory, invalid argument, an earlier asynchronous error) the program continues with a bad pointer or stale data and fails later somewhere unrelated. Check each{{macro}}; the related locations list them.',
      launch:
        'The launch of {{kernel}} is never checked: a bad launch configuration or too many resources only shows through cudaGetLastError() (or the status of the next synchronising call), which this function never reads after the launch.',
    },
  },
  check(ctx) {
    const macro = ctx.facts.checkMacros[0] ?? null;
    const lang = ctx.config.lang;
    const groups = new Map<string, ApiCallFact[]>();
    for (const call of ctx.facts.apiCalls) {
      if (call.checked || (call.family !== 'cuda' && call.family !== 'cuda-driver')) continue;
      const key = call.function ?? '';
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(call);
    }
    const launchAt = eventIndex(ctx.facts.events).launchAt;
    const nameOf = (call: ApiCallFact) => {
      if (call.via !== 'launch') return call.api;
      const launch = launchAt.get(`${call.range.startLine}:${call.range.startColumn}`);
      return launch ? `${launch.kernel}<<<>>>` : call.api;
    };
    for (const [fn, calls] of groups) {
      const first = calls[0]!;
      const lower = calls.every((c) => c.via !== 'launch' && UNGUARDING_CUDA_CALL.test(c.api));
      // A stored status (`e = cudaMalloc(...)`) is not wrapped: `e = CHECK(cudaMalloc(...))` breaks a do/while macro.
      const wrappable = calls.filter((c) => c.via !== 'launch' && !c.storedIn);
      const fixes: Fix[] =
        macro && wrappable.length
          ? [
              {
                description: phrase(lang, 'fix_wrapIn', { macro }),
                edits: wrappable.flatMap((c) => [
                  { startOffset: c.startOffset, endOffset: c.startOffset, newText: `${macro}(` },
                  { startOffset: c.endOffset, endOffset: c.endOffset, newText: ')' },
                ]),
              },
            ]
          : [];
      // Launches get a cudaGetLastError() check after them: through the file's macro, else printed (when stdio is in).
      const launchEdits =
        macro || STDIO_INCLUDE.test(ctx.text)
          ? calls
              .filter((c) => c.via === 'launch')
              .map((c) => launchCheckEdit(ctx.text, c, macro))
              .filter((e) => e !== null)
          : [];
      if (launchEdits.length)
        fixes.push({
          description: phrase(lang, 'fix_checkLaunch', { check: macro ? `${macro}(cudaGetLastError())` : 'cudaGetLastError()' }),
          edits: launchEdits,
        });
      const macroText = macro ? phrase(lang, 'checkWithMacro', { macro }) : phrase(lang, 'checkSuggestMacro');
      if (calls.length === 1 && first.via === 'launch') {
        const launch = launchAt.get(`${first.range.startLine}:${first.range.startColumn}`);
        ctx.report('launch', { kernel: launch ? launch.kernel : phrase(lang, 'theKernel') }, first.range, fixes);
      } else if (calls.length === 1 && first.storedIn) {
        ctx.report('stored', { api: first.api, name: first.storedIn, macro: macroText }, first.range, undefined, undefined, { lower });
      } else if (calls.length === 1) {
        ctx.report('call', { api: first.api, macro: macroText }, first.range, fixes, undefined, { lower });
      } else {
        const related: RelatedLocation[] = calls.map((c) => ({ range: c.range, message: phrase(lang, 'statusDiscardedHere', { api: nameOf(c) }) }));
        const apis = [...new Set(calls.map(nameOf))].join(', ');
        ctx.report('calls', { count: calls.length, function: fn || phrase(lang, 'fileScope'), apis, macro: macroText }, first.range, fixes, related, {
          lower,
        });
      }
    }
  },
};
