// Libraries the analysis needs only for some files or outputs (the TypeScript parser for JS/TS, ECharts for SVG
// charts) are bundled apart, in dist/vendor/, and loaded on first use: the CLI and the language server start without
// compiling 13 MB of JavaScript they may never run. From source (tests, tsx) there is no dist/vendor and the package
// itself is loaded.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const VENDOR_PACKAGES = { 'typescript-estree': '@typescript-eslint/typescript-estree', echarts: 'echarts' } as const;

export function loadVendor<T>(name: keyof typeof VENDOR_PACKAGES): T {
  const bundled = join(__dirname, 'vendor', `${name}.js`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(existsSync(bundled) ? bundled : VENDOR_PACKAGES[name]) as T;
}
