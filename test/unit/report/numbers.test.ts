// Numbers that cannot be: every formatter prints a finite number in plain notation or says "unknown"; a size outside
// [0, 2^64) is "unknown (out of range)" (with its expression where one is shown), never "-4.00 KiB", "Infinity TiB"
// or "33554432.00 TiB". Property tests over every double, plus the surfaces that show sizes.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatBytes,
  formatInteger,
  formatPercent,
  formatSize,
  formatUsd,
  isSizeInRange,
  MAX_SIZE_BYTES,
  OUT_OF_RANGE,
  sizeOrNull,
} from '../../../src/core/model/units';
import { sizeText } from '../../../src/core/rules/shared/phrases';
import { codeLenses, hoverAt, shortCount } from '../../../src/server/lsp-mapping';
import { findGpu } from '../../../src/core/sizing/gpu-catalog';
import type { FileAnalysis } from '../../../src/core/analyze';

/** What no surface may print: non-numbers, exponent notation, a negative size. */
const ABSURD = /NaN|Infinity|\de[+-]\d|-\d[\d.,]* ?(bytes|KiB|MiB|GiB|TiB|PiB|EiB)/;
const anyDouble = fc.oneof(
  fc.double(),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    -4096,
    2 ** 64,
    2 ** 64 - 2048,
    2 ** 85,
    1e300,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
  ),
);

describe('numbers that cannot be', () => {
  it('formatBytes: finite and plain for a size in [0, 2^64), "unknown (out of range)" for anything else', () => {
    fc.assert(
      fc.property(anyDouble, fc.boolean(), (n, exact) => {
        const s = formatBytes(n, { exact });
        assert.doesNotMatch(s, ABSURD, `${n} -> ${s}`);
        assert.equal(s === OUT_OF_RANGE, !(Number.isFinite(n) && n >= 0 && n < MAX_SIZE_BYTES), `${n} -> ${s}`);
      }),
      { numRuns: 5000 },
    );
    assert.equal(formatBytes(-4096), OUT_OF_RANGE);
    assert.equal(formatBytes(2 ** 85), OUT_OF_RANGE);
    assert.equal(formatBytes(Infinity), OUT_OF_RANGE);
    assert.equal(formatBytes(2 ** 64 - 2048, { exact: false }), '16.00 EiB');
    assert.equal(formatBytes(1024 ** 3), '1.00 GiB (1,073,741,824 bytes)');
  });

  it('formatInteger, formatPercent, formatUsd, shortCount: never NaN, Infinity or exponent notation', () => {
    fc.assert(
      fc.property(anyDouble, (n) => {
        for (const s of [formatInteger(n), formatPercent(n), formatUsd(n), shortCount(n)])
          assert.doesNotMatch(s, /NaN|Infinity|\de[+-]?\d/, `${n} -> ${s}`);
      }),
      { numRuns: 5000 },
    );
    assert.equal(formatUsd(NaN), 'unknown');
    assert.equal(formatUsd(0.0042), '$0.0042');
    assert.equal(formatUsd(1234.4), '$1,234');
  });

  it('a size with its expression: out of range shows the expression, never a number', () => {
    fc.assert(
      fc.property(anyDouble, (n) => {
        const s = formatSize(n, 'n * -4');
        const t = sizeText({ bytes: n, expr: 'n * -4' }, 'en');
        assert.doesNotMatch(s + t, ABSURD);
        if (!isSizeInRange(n)) {
          assert.equal(s, `${OUT_OF_RANGE}: n * -4`);
          assert.match(t, /^n \* -4 \(unknown \(out of range\)/);
        }
      }),
      { numRuns: 2000 },
    );
    assert.equal(sizeOrNull(-19 * 1024 ** 3), null, 'a negative size is not a known size a sum may add');
    assert.equal(sizeOrNull(20), 20);
  });

  it('hover and CodeLens of out-of-range and negative sizes: the expression, marked out of range', () => {
    const t4 = findGpu('t4')!;
    for (const bytes of [-4096, 2 ** 70, Infinity, NaN]) {
      const a = {
        gpu: {
          allocations: [{ line: 3, api: 'cudaMalloc', bytes, sizeExpr: 'N * -4', space: 'device', inLoop: false }],
          transfers: [{ line: 3, api: 'cudaMemcpy', bytes, sizeExpr: 'N * -4', direction: 'host-to-device', async: false, inLoop: false }],
          peakDeviceBytes: bytes,
          peakIsLowerBound: false,
          peakUnknownExprs: [],
          strategy: 'whole-dataset',
        },
        llm: null,
      } as unknown as FileAnalysis;
      const hover = JSON.stringify(hoverAt(a, 3, t4, 0.9));
      const lens = JSON.stringify(codeLenses(a, t4, 0.9));
      for (const s of [hover, lens]) {
        assert.doesNotMatch(s, ABSURD, s);
        assert.match(s, /out of range/, s);
        assert.match(s, /N \* -4/, s);
      }
    }
  });
});
