// Byte units and how numbers are printed in messages: always the exact byte count next to the readable one.

export const GIB = 1024 ** 3;

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
  return u === 0 || options.exact === false ? human : `${human} (${bytes.toLocaleString('en-US')} bytes)`;
}

export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
}
