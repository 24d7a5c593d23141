// Byte units and how numbers are printed in messages: always the exact byte count next to the readable one. Every
// formatter here prints a finite number or says the value is unknown: never "NaN", "Infinity", "-4.00 KiB" or
// "33554432.00 TiB".

export const GIB = 1024 ** 3;

/** Sizes are byte counts of a 64-bit address space: [0, 2^64). Anything else is not a size the code can have. */
export const MAX_SIZE_BYTES = 2 ** 64;
/** What a surface prints for a size outside [0, 2^64) (next to its expression where it has one). */
export const OUT_OF_RANGE = 'unknown (out of range)';
/** What a surface prints for a count, share or price that is not a finite number. */
export const UNKNOWN_NUMBER = 'unknown';

/** Whether `bytes` is a size a program can allocate: finite, not negative, below 2^64. */
export function isSizeInRange(bytes: number): boolean {
  return typeof bytes === 'number' && Number.isFinite(bytes) && bytes >= 0 && bytes < MAX_SIZE_BYTES;
}

/** A known size only when it is in range: what sums and peaks may add (a negative size never cancels a real one). */
export function sizeOrNull(bytes: number | null): number | null {
  return bytes !== null && isSizeInRange(bytes) ? bytes : null;
}

// One formatter for the process: Number.prototype.toLocaleString looks the locale up again on every call, and a
// 10k-line file formats thousands of sizes per keystroke.
const EN_US_INTEGER = new Intl.NumberFormat('en-US');

/** 1234567 -> '1,234,567' (en-US grouping, whatever the machine's locale); not finite -> 'unknown'. */
export function formatInteger(n: number): string {
  return Number.isFinite(n) ? EN_US_INTEGER.format(n) : UNKNOWN_NUMBER;
}

/** 1073741824 -> "1.00 GiB (1,073,741,824 bytes)": the number a user can check. Outside [0, 2^64): out of range. */
export function formatBytes(bytes: number, options: { exact?: boolean } = {}): string {
  if (!isSizeInRange(bytes)) return OUT_OF_RANGE;
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const human = u === 0 ? `${Number.isInteger(bytes) ? bytes : bytes.toFixed(2)} bytes` : `${v.toFixed(2)} ${units[u]}`;
  return u === 0 || options.exact === false ? human : `${human} (${formatInteger(bytes)} bytes)`;
}

/** A size with the expression it came from when the number cannot be shown: "unknown (out of range): n * -4". */
export function formatSize(bytes: number, expr: string): string {
  return isSizeInRange(bytes) ? formatBytes(bytes) : `${OUT_OF_RANGE}: ${expr}`;
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return UNKNOWN_NUMBER;
  // toFixed switches to exponent notation from 1e21: large shares are grouped integers instead.
  if (Math.abs(fraction) >= 1e4) return `${formatInteger(Math.round(fraction * 100))}%`;
  return `${(fraction * 100).toFixed(Math.abs(fraction) < 0.1 ? 1 : 0)}%`;
}

/** US dollars: sub-cent prices keep two significant digits, large sums are grouped; not finite -> 'unknown'. */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return UNKNOWN_NUMBER;
  if (usd < 0) return `-${formatUsd(-usd)}`;
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toFixed(Math.min(12, 1 - Math.floor(Math.log10(usd))))}`;
  if (usd < 100) return `$${usd.toFixed(2)}`;
  return `$${formatInteger(Math.round(usd))}`;
}
