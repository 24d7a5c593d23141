// Byte units and how numbers are printed in messages: always the exact byte count next to the readable one.

export const GIB = 1024 ** 3;

// One formatter for the process: Number.prototype.toLocaleString looks the locale up again on every call, and a
// 10k-line file formats thousands of sizes per keystroke.
const EN_US_INTEGER = new Intl.NumberFormat('en-US');

/** 1234567 -> '1,234,567' (en-US grouping, whatever the machine's locale). */
export function formatInteger(n: number): string {
  return EN_US_INTEGER.format(n);
}

/** 1073741824 -> "1.00 GiB (1,073,741,824 bytes)": the number a user can check. */
export function formatBytes(bytes: number, options: { exact?: boolean } = {}): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const human = u === 0 ? `${bytes} bytes` : `${v.toFixed(2)} ${units[u]}`;
  return u === 0 || options.exact === false ? human : `${human} (${formatInteger(bytes)} bytes)`;
}

export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
}
