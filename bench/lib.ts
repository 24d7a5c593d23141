// What every bench case shares: timing and statistics, the machine, the trees it measures (real ones found on the
// machine, generated ones) and how to find a peer tool. Nothing here asserts a number: targets are reported.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');

export interface Stats {
  medianMs: number;
  minMs: number;
  maxMs: number;
  p95Ms: number;
  runs: number;
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Median, min, max and the 95th percentile (nearest rank) of samples in milliseconds. */
export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { medianMs: round(at(0.5)), minMs: round(s[0]!), maxMs: round(s[s.length - 1]!), p95Ms: round(at(0.95)), runs: s.length };
}

export async function time(runs: number, fn: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

/** Wall time of a command (ms); null when it is not installed. */
export function timeCommand(
  cmd: string,
  args: string[],
  options: { cwd?: string; okStatus?: number[] } = {},
): { ms: number; stdout: string; status: number | null } | null {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: options.cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (r.error) return null;
  if (!(options.okStatus ?? [0]).includes(r.status ?? -1))
    throw new Error(`${cmd} ${args.slice(0, 4).join(' ')} … exited ${r.status}: ${(r.stderr ?? '').slice(0, 500)}`);
  return { ms, stdout: r.stdout, status: r.status };
}

export function version(cmd: string, args = ['--version']): string | null {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).split('\n')[0]!.trim();
  } catch {
    return null;
  }
}

export function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
}

export function pythonStdlib(): string | null {
  try {
    return execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

export function cudaInclude(): string | null {
  const dirs = existsSync('/usr/local')
    ? readdirSync('/usr/local')
        .filter((d) => /^cuda/.test(d))
        .sort()
        .map((d) => `/usr/local/${d}/include`)
    : [];
  return dirs.find((d) => existsSync(d)) ?? null;
}

const example = (p: string) => readFileSync(join(ROOT, 'examples', p), 'utf8');

/**
 * A tree like a real repository: C, C++, Python, TypeScript and JavaScript files, `gpuShare` of them using GPU or
 * OpenAI APIs (the bundled examples), the rest plain code of the same languages. Deterministic for a given size.
 */
export function generateTree(files: number, gpuShare = 0.05, dir = mkdtempSync(join(tmpdir(), 'aia-bench-'))): string {
  const relevant: Array<[string, string]> = [
    ['cu', example('cuda/whole_dataset_saxpy.cu')],
    ['py', example('python/cupy_features.py')],
    ['ts', example('openai/chat-mongo-history.ts')],
    ['c', example('opencl/histogram_host.c')],
    ['py', example('openai/embed_job.py')],
  ];
  const plain: Array<[string, string]> = [
    ['c', 'static int add(int a, int b) { return a + b; }\n'.repeat(40)],
    ['py', 'def add(a, b):\n    return a + b\n\n'.repeat(40)],
    ['ts', 'export function add(a: number, b: number): number {\n  return a + b;\n}\n'.repeat(30)],
    ['js', 'function add(a, b) {\n  return a + b;\n}\nmodule.exports = { add };\n'.repeat(25)],
    ['hpp', 'template <typename T> T add(T a, T b) { return a + b; }\n'.repeat(40)],
  ];
  const every = Math.round(1 / gpuShare);
  for (let i = 0; i < files; i++) {
    const sub = join(dir, `d${Math.floor(i / 200)}`);
    if (i % 200 === 0) mkdirSync(sub, { recursive: true });
    const [ext, text] = i % every === 0 ? relevant[(i / every) % relevant.length]! : plain[i % plain.length]!;
    writeFileSync(join(sub, `f${i}.${ext}`), text);
  }
  return dir;
}

export const removeTree = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** A C/CUDA file of about `lines` lines: kernels, allocations, copies and launches, each block with its own names. */
export function cudaFileOfLines(lines: number): string {
  const out: string[] = ['#include <cuda_runtime.h>', '#define CHECK(x) do { cudaError_t e = (x); if (e != cudaSuccess) return 1; } while (0)', ''];
  // Whole blocks of 16 lines, then comment lines up to the count: no function is cut in half.
  for (let i = 0; out.length + 16 <= lines; i++) {
    out.push(
      `__global__ void scale${i}(float *x, int n) {`,
      '  int i = blockIdx.x * blockDim.x + threadIdx.x;',
      '  if (i < n) x[i] = x[i] * 2.0f + 1.0f;',
      '}',
      '',
      `int run${i}(const float *host, int n) {`,
      `  float *d${i};`,
      `  size_t bytes${i} = (size_t)n * sizeof(float);`,
      `  CHECK(cudaMalloc(&d${i}, bytes${i}));`,
      `  CHECK(cudaMemcpy(d${i}, host, bytes${i}, cudaMemcpyHostToDevice));`,
      `  scale${i}<<<(n + 255) / 256, 256>>>(d${i}, n);`,
      `  CHECK(cudaMemcpy((void *)host, d${i}, bytes${i}, cudaMemcpyDeviceToHost));`,
      `  CHECK(cudaFree(d${i}));`,
      '  return 0;',
      '}',
      '',
    );
  }
  while (out.length < lines) out.push('// end');
  return `${out.join('\n')}\n`;
}

/**
 * A file of at most `bytes` bytes (but one copy at least) in one language: every example of that extension,
 * concatenated and repeated, each copy's `main` renamed so the functions stay distinct. Realistic code at the size
 * limit, with findings all through.
 */
export function largeFileOf(ext: 'cu' | 'c' | 'cl' | 'py' | 'ts' | 'js', bytes: number): string {
  const dirs = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const body = dirs
    .flatMap((d) =>
      readdirSync(join(ROOT, 'examples', d))
        .filter((f) => f.endsWith(`.${ext}`))
        .map((f) => example(`${d}/${f}`)),
    )
    .join('\n');
  if (!body) throw new Error(`no example ends in .${ext}`);
  const out: string[] = [];
  let size = 0;
  for (let i = 0; i === 0 || size + body.length <= bytes; i++) {
    const copy = body.replace(/\bmain\b/g, `main_${i}`);
    out.push(copy);
    size += copy.length + 1;
  }
  return out.join('\n');
}

/** Writes a JSON result and returns its path. */
export function writeJson(file: string, value: unknown): string {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  return file;
}
