// gpu-whole-dataset-upload across project headers (#include "…"): a loader defined in a header is read to decide
// whether the size comes from input; a buffer handed to a function of a header may be iterated there (issue 17).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { RULE_IDS } from '../../../src/core/rules';
import { clearIncludeCaches } from '../../../src/core/facts/c-includes';
import { initTreeSitter } from '../../../src/core/parse/tree-sitter';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'aia-upload-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const loaded = resolveConfig(undefined, RULE_IDS);

async function uploadLines(files: Record<string, string>): Promise<number[]> {
  const root = project(files);
  const r = await analyzeText('main.cu', files['main.cu']!, 'cuda', loaded, undefined, { absolutePath: join(root, 'main.cu'), root });
  return r.findings.filter((f) => f.ruleId === 'gpu-whole-dataset-upload').map((f) => f.range.startLine);
}

const MAIN = (call: string) =>
  `#include "io.h"\n__global__ void k(float* d) {}\nvoid f(const char* path, float* h) {\n  size_t n = load_points(path, h);\n  float* d;\n  cudaMalloc(&d, n * sizeof(float));\n  cudaMemcpy(d, h, n * sizeof(float), cudaMemcpyHostToDevice);\n  ${call}\n}\n`;

describe('gpu-whole-dataset-upload with project headers', () => {
  before(async () => {
    await initTreeSitter();
    clearIncludeCaches();
  });

  it('a loader of an included header that reads the file sizes the upload from input: reported', async () => {
    const io =
      'size_t load_points(const char* path, float* h) {\n  FILE* fp = fopen(path, "rb");\n  size_t n = fread(h, sizeof(float), 1 << 30, fp);\n  fclose(fp);\n  return n;\n}\n';
    assert.deepEqual(await uploadLines({ 'io.h': io, 'main.cu': MAIN('k<<<64, 256>>>(d);') }), [7]);
  });

  it('a function of the header that reads no file is not input: silent', async () => {
    const io = 'size_t load_points(const char* path, float* h) {\n  return strlen(path) * 1024;\n}\n';
    assert.deepEqual(await uploadLines({ 'io.h': io, 'main.cu': MAIN('k<<<64, 256>>>(d);') }), []);
  });

  it('the buffer handed to a function of the header (which launches in a loop there): silent', async () => {
    const io =
      'size_t load_points(const char* path, float* h) {\n  FILE* fp = fopen(path, "rb");\n  return fread(h, sizeof(float), 1 << 30, fp);\n}\nvoid iterate(float* d) {\n  for (int i = 0; i < 100; i++) k<<<64, 256>>>(d);\n}\n';
    assert.deepEqual(await uploadLines({ 'io.h': io, 'main.cu': MAIN('k<<<64, 256>>>(d);\n  iterate(d);') }), []);
  });

  it('without the header the loader is unknown: silent', async () => {
    assert.deepEqual(await uploadLines({ 'main.cu': MAIN('k<<<64, 256>>>(d);') }), []);
  });
});
