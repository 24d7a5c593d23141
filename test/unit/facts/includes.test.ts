// `#include "…"` of project headers (issue 17 deliverable 1): macros, constants, enums and types from headers fold
// the including file's sizes, in a workspace scan and for one open document; reads are bounded and cycle-safe.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { DocumentCache } from '../../../src/core/document-cache';
import { RULE_IDS } from '../../../src/core/rules';
import { clearIncludeCaches, includesOf, readProjectIncludes } from '../../../src/core/facts/c-includes';
import { initTreeSitter } from '../../../src/core/parse/tree-sitter';
import { parseCMakeIncludeDirs, parseMakefileIncludeDirs } from '../../../src/core/facts/build-include-dirs';
import { clearSiblingCache } from '../../../src/core/facts/c-callers';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'aia-inc-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const MAIN = '#include "config.h"\n#include <cuda_runtime.h>\nvoid f(){ char* d; cudaMalloc(&d, BYTES); }\n';
const loaded = resolveConfig(undefined, RULE_IDS);

async function bytesOf(root: string, file: string, text: string, config = loaded): Promise<Array<number | null>> {
  const r = await analyzeText(file, text, 'cuda', config, undefined, { absolutePath: join(root, file), root });
  return r.facts!.events.filter((e) => e.kind === 'allocation').map((e) => (e as { size: { bytes: number | null } }).size.bytes);
}

describe('project headers (#include "…")', () => {
  before(async () => {
    await initTreeSitter();
    clearIncludeCaches();
  });

  it('lists quoted and angle includes in order, with no regular expression over the text', () => {
    assert.deepEqual(includesOf('#include "a.h"\n  #  include <b/c.h>\n// #include "no.h"\n#include"d.h"\n#includex\n#include "open'), [
      { name: 'a.h', quoted: true },
      { name: 'b/c.h', quoted: false },
      { name: 'd.h', quoted: true },
    ]);
    const long = `#include "${'x'.repeat(1_000_000)}`;
    const started = performance.now();
    includesOf(long.repeat(2));
    assert.ok(performance.now() - started < 500);
  });

  it('a macro with a trailing comment, a const, an enum and a struct from a header fold the size', async () => {
    const root = project({
      'config.h':
        '#pragma once\n#define GIB (1ull << 30)  // one GiB\nconst size_t ROWS = 1024;\nenum { COLS = 256 };\nstruct Cell { double v; float w; };\n#define BYTES (ROWS * COLS * sizeof(struct Cell) + GIB)\n',
      'main.cu': MAIN,
    });
    assert.deepEqual(await bytesOf(root, 'main.cu', MAIN), [1024 * 256 * 16 + 2 ** 30]);
  });

  it('without the header the size is unknown, named', async () => {
    const root = project({ 'main.cu': MAIN });
    const r = await analyzeText('main.cu', MAIN, 'cuda', loaded, undefined, { absolutePath: join(root, 'main.cu'), root });
    const a = r.facts!.events.find((e) => e.kind === 'allocation') as { size: { bytes: number | null; unknowns: string[] } };
    assert.equal(a.size.bytes, null);
    assert.deepEqual(a.size.unknowns, ['BYTES']);
    assert.deepEqual(
      r.facts!.headers?.notRead.map((n) => [n.include, n.reason]),
      [['config.h', 'not found']],
    );
  });

  it("a header's own includes resolve next to it; the file's definitions win over a header's", async () => {
    const root = project({
      'inc/config.h': '#include "sub/base.h"\n#define BYTES (BASE * 4)\n',
      'inc/sub/base.h': '#define BASE 1000\n',
      'main.cu': '#include "inc/config.h"\nvoid f(){ char* d; cudaMalloc(&d, BYTES); }\n',
      'other.cu': '#include "inc/config.h"\n#define BASE 10\nvoid f(){ char* d; cudaMalloc(&d, BYTES); }\n',
    });
    assert.deepEqual(await bytesOf(root, 'main.cu', '#include "inc/config.h"\nvoid f(){ char* d; cudaMalloc(&d, BYTES); }\n'), [4000]);
    assert.deepEqual(
      await bytesOf(root, 'other.cu', '#include "inc/config.h"\n#define BASE 10\nvoid f(){ char* d; cudaMalloc(&d, BYTES); }\n'),
      [40],
    );
  });

  it('include cycles end; each header is read once', async () => {
    const root = project({
      'a.h': '#include "b.h"\n#define A 2\n',
      'b.h': '#include "a.h"\n#define B 3\n',
      'main.cu': '#include "a.h"\nvoid f(){ char* d; cudaMalloc(&d, A * B); }\n',
    });
    const r = await readProjectIncludes(join(root, 'main.cu'), '#include "a.h"\n', { root });
    assert.equal(r!.files.length, 2);
    assert.deepEqual(await bytesOf(root, 'main.cu', '#include "a.h"\nvoid f(){ char* d; cudaMalloc(&d, A * B); }\n'), [6]);
  });

  it('a chain of headers deeper than the bound stops with a reason', async () => {
    const files: Record<string, string> = { 'main.cu': '#include "h0.h"\nvoid f(){ char* d; cudaMalloc(&d, 8); }\n' };
    for (let i = 0; i < 30; i++) files[`h${i}.h`] = `#include "h${i + 1}.h"\n`;
    const root = project(files);
    const r = await readProjectIncludes(join(root, 'main.cu'), files['main.cu']!, { root });
    assert.equal(r!.files.length, 16);
    assert.ok(r!.notRead.some((n) => /bound/.test(n.reason)));
  });

  it('configured include dirs (relative to the config file) and compile_commands.json -I folders are searched', async () => {
    const root = project({
      'third/include/sizes.h': '#define BYTES 4096\n',
      'build/gen/more.h': '#define MORE 7\n',
      'src/main.cu': MAIN.replace('config.h', 'sizes.h'),
      'src/b.cu': '#include "more.h"\nvoid f(){ char* d; cudaMalloc(&d, MORE); }\n',
    });
    const withDirs = resolveConfig({ includeDirs: ['third/include'] }, RULE_IDS, join(root, 'ai-infra-advisor.config.json'));
    assert.deepEqual(withDirs.problems, []);
    assert.deepEqual(await bytesOf(root, 'src/main.cu', MAIN.replace('config.h', 'sizes.h'), withDirs), [4096]);
    assert.deepEqual(await bytesOf(root, 'src/b.cu', '#include "more.h"\nvoid f(){ char* d; cudaMalloc(&d, MORE); }\n'), [null]);
    writeFileSync(
      join(root, 'compile_commands.json'),
      JSON.stringify([{ directory: join(root, 'build'), file: '../src/b.cu', command: 'nvcc -c -I gen -DX=1 ../src/b.cu' }]),
    );
    assert.deepEqual(await bytesOf(root, 'src/b.cu', '#include "more.h"\nvoid f(){ char* d; cudaMalloc(&d, MORE); }\n'), [7]);
  });

  it('without compile_commands.json, the include folders of CMakeLists.txt (up to the root) and Makefile -I flags are searched', async () => {
    const text = '#include <helper.h>\nvoid f(){ char* d; cudaMalloc(&d, BYTES); }\n';
    const root = project({
      'Common/helper.h': '#define BYTES 8192\n',
      'inc2/helper.h': '#define BYTES 99\n',
      'CMakeLists.txt': 'cmake_minimum_required(VERSION 3.20)\nproject(samples LANGUAGES CUDA)\nadd_subdirectory(Samples)\n',
      'Samples/a/CMakeLists.txt':
        '# include_directories(../../nowhere)\ninclude_directories(${CUDAToolkit_INCLUDE_DIRS} "${CMAKE_SOURCE_DIR}/Common")\n',
      'Samples/a/main.cu': text,
      'Samples/b/Makefile': 'NVCCFLAGS := -O2 -I../../inc2 -I$(CUDA_HOME)/include\n',
      'Samples/b/main.cu': text,
      'Samples/c/main.cu': text,
    });
    assert.deepEqual(await bytesOf(root, 'Samples/a/main.cu', text), [8192]);
    assert.deepEqual(await bytesOf(root, 'Samples/b/main.cu', text), [99]);
    assert.deepEqual(await bytesOf(root, 'Samples/c/main.cu', text), [null]);
  });

  it('CMake include lists: target keywords, quoted paths and current-folder variables resolve; other variables and generator expressions are skipped', () => {
    const dir = '/p/s';
    const got = parseCMakeIncludeDirs(
      'target_include_directories(app PRIVATE inc "with space" ${CMAKE_CURRENT_SOURCE_DIR}/gen $<BUILD_INTERFACE:x> ${OTHER}/y)\n# include_directories(commented)\ninclude_directories(SYSTEM ${PROJECT_SOURCE_DIR}/common)\n',
      dir,
    );
    assert.deepEqual(got.dirs, [
      { path: '/p/s/inc' },
      { path: '/p/s/with space' },
      { path: '/p/s/gen' },
      { sourceDirVar: 'PROJECT_SOURCE_DIR', rest: 'common' },
    ]);
    assert.equal(got.declaresProject, false);
    assert.deepEqual(parseMakefileIncludeDirs('CFLAGS = -I inc \\\n  -iquote "q dir" -I$(X)/y\n# -Ino\n', dir).dirs, [
      { path: '/p/s/inc' },
      { path: '/p/s/q dir' },
    ]);
  });

  it('a launch followed by a check macro of an included header (over its inline function) is checked', async () => {
    const header =
      'inline void __lastError(const char* m, const char* f, int l) {\n  cudaError_t e = cudaGetLastError();\n  if (e != cudaSuccess) exit(1);\n}\n#define getLastError(msg) __lastError(msg, __FILE__, __LINE__)\n';
    const text = (after: string) => `#include <helper.h>\n__global__ void k(float* d) {}\nvoid f(float* d) {\n  k<<<1, 32>>>(d);\n  ${after}\n}\n`;
    const root = project({
      'Common/helper.h': header,
      'src/CMakeLists.txt': 'include_directories(../Common)\n',
      'src/main.cu': text('getLastError("k");'),
    });
    const unchecked = async (t: string) =>
      (await analyzeText('src/main.cu', t, 'cuda', loaded, undefined, { absolutePath: join(root, 'src/main.cu'), root })).findings
        .filter((f) => f.ruleId === 'gpu-unchecked-call')
        .map((f) => f.range.startLine);
    assert.deepEqual(await unchecked(text('getLastError("k");')), []);
    assert.deepEqual(await unchecked(text('puts("k");')), [4]);
  });

  it('a launcher nothing in its file calls is checked when every call in the files beside it is checked after it', async () => {
    const kernel = '__global__ void k(float* d) {}\nextern "C" void launch_k(float* d) {\n  k<<<1, 32>>>(d);\n}\n';
    const checkedMain =
      'extern "C" void launch_k(float* d);\nvoid run(float* d) {\n  launch_k(d);\n  cudaError_t e = cudaGetLastError();\n  if (e != cudaSuccess) exit(1);\n}\n';
    const uncheckedMain = 'extern "C" void launch_k(float* d);\nvoid run(float* d) {\n  launch_k(d);\n}\n';
    const launchLines = async (files: Record<string, string>) => {
      const root = project(files);
      const r = await analyzeText('kernel.cu', kernel, 'cuda', loaded, undefined, { absolutePath: join(root, 'kernel.cu'), root });
      return {
        lines: r.findings.filter((f) => f.ruleId === 'gpu-unchecked-call').map((f) => f.range.startLine),
        deps: (r.dependsOn ?? []).map((d) => d.slice(root.length + 1)),
      };
    };
    assert.deepEqual(await launchLines({ 'kernel.cu': kernel, 'main.cpp': checkedMain }), { lines: [], deps: ['main.cpp'] });
    assert.deepEqual((await launchLines({ 'kernel.cu': kernel, 'main.cpp': checkedMain, 'other.cu': uncheckedMain })).lines, [3]);
    assert.deepEqual((await launchLines({ 'kernel.cu': kernel })).lines, [3]);
    // The siblings are remembered by content: an edit of the caller is seen on the next analysis.
    const root = project({ 'kernel.cu': kernel, 'main.cpp': checkedMain });
    const again = async () =>
      (await analyzeText('kernel.cu', kernel, 'cuda', loaded, undefined, { absolutePath: join(root, 'kernel.cu'), root })).findings
        .filter((f) => f.ruleId === 'gpu-unchecked-call')
        .map((f) => f.range.startLine);
    assert.deepEqual(await again(), []);
    assert.deepEqual(await again(), []);
    writeFileSync(join(root, 'main.cpp'), uncheckedMain);
    assert.deepEqual(await again(), [3]);
    clearSiblingCache();
    assert.deepEqual(await again(), [3]);
  });

  it('a bad includeDirs value is named and the default used', () => {
    const bad = resolveConfig({ includeDirs: 'inc' }, RULE_IDS);
    assert.equal(bad.problems.length, 1);
    assert.equal(bad.problems[0]!.field, 'includeDirs');
    assert.equal(bad.config.includeDirs, undefined);
  });

  it('a link out of the root, a FIFO and an oversized header are not read, each with its reason, and nothing hangs', async () => {
    const outside = project({ 'secret.h': '#define BYTES 1\n' });
    const root = project({
      'big.h': `#define BIG 1\n${'// pad\n'.repeat(200_000)}`,
      'main.cu': '#include "out.h"\n#include "pipe.h"\n#include "big.h"\nvoid f(){ char* d; cudaMalloc(&d, 8); }\n',
    });
    symlinkSync(join(outside, 'secret.h'), join(root, 'out.h'));
    execFileSync('mkfifo', [join(root, 'pipe.h')]);
    const r = await readProjectIncludes(join(root, 'main.cu'), '#include "out.h"\n#include "pipe.h"\n#include "big.h"\n', { root });
    assert.deepEqual(r!.files, []);
    const reasons = new Map(r!.notRead.map((n) => [n.include, n.reason]));
    assert.match(reasons.get('out.h')!, /outside/);
    assert.equal(reasons.get('pipe.h'), 'not found'); // a FIFO is not a file: never opened
    assert.match(reasons.get('big.h')!, /larger than/);
    // Configured, the link's target folder may be read.
    const allowed = await readProjectIncludes(join(root, 'main.cu'), '#include "out.h"\n', { root, includeDirs: [outside] });
    assert.equal(allowed!.files.length, 1);
  });

  it('macro bodies and functions of the headers are exposed by name (check macros, wrappers)', async () => {
    const root = project({
      'util.h':
        '#define CUDA_CHECK(call) do { cudaError_t e = (call); if (e != cudaSuccess) abort(); } while (0)\n#define N 64\ninline void* devAlloc(size_t n) { void* p; CUDA_CHECK(cudaMalloc(&p, n)); return p; }\n',
      'main.cu': '#include "util.h"\nvoid f(){ char* d; CUDA_CHECK(cudaMalloc(&d, N)); }\n',
    });
    const r = await analyzeText('main.cu', '#include "util.h"\nvoid f(){ char* d; CUDA_CHECK(cudaMalloc(&d, N)); }\n', 'cuda', loaded, undefined, {
      absolutePath: join(root, 'main.cu'),
      root,
    });
    const h = r.facts!.headers!;
    assert.deepEqual(h.macros.get('CUDA_CHECK')?.params, ['call']);
    assert.match(h.macros.get('CUDA_CHECK')!.body, /^do \{/);
    assert.equal(h.macros.get('N')?.params, null);
    assert.equal(h.macros.get('N')?.line, 2);
    assert.deepEqual(h.functions.get('devAlloc')?.params, ['size_t n']);
    assert.equal(r.gpu!.allocations[0]!.bytes, 64);
  });

  it('a workspace scan folds through headers, and so does an open document with the editor cache; a header edit is seen', async () => {
    const root = project({ 'config.h': '#define BYTES (1 << 20)\n', 'main.cu': MAIN });
    const scan = await analyze({ root });
    assert.deepEqual(
      scan.gpu.map((g) => g.allocations.map((a) => a.bytes)),
      [[1 << 20]],
    );
    const cache = new DocumentCache();
    const open = () => analyzeText('main.cu', MAIN, 'cuda', loaded, { cache, key: 'main' }, { absolutePath: join(root, 'main.cu'), root });
    assert.equal((await open()).gpu!.allocations[0]!.bytes, 1 << 20);
    writeFileSync(join(root, 'config.h'), '#define BYTES (1 << 21)\n');
    assert.equal((await open()).gpu!.allocations[0]!.bytes, 1 << 21, 'the header changed: the cached function is read again');
    cache.delete('main');
  });
});
