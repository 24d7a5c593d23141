// Fuzzing the whole pipeline (analyzeText: mask, parse, facts, rules, suppressions) with fast-check. Inputs are
// token soups of each language (its API names, brackets, literals, hostile strings) and mutations of the real
// example and rule-doc files. What must hold for every input:
//   - nothing escapes: analyzeText returns, and no safety net caught an exception (no "analysis failed", no rule
//     error recorded on the file);
//   - every finding, related location and fix lies inside the file;
//   - one analysis takes at most 1 s;
//   - the output is deterministic: the same input gives byte-identical JSON, and the editor's path (the previous
//     document's tree and facts reused) gives the same JSON as a fresh analysis.
// Shared by the quick run in the test suite (test/unit/fuzz.test.ts) and `npm run fuzz` (test/fuzz/run.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, analyzeText, type FileAnalysis } from '../../src/core/analyze';
import { resolveConfig } from '../../src/core/config';
import { DocumentCache } from '../../src/core/document-cache';
import type { Finding, Language, SourceRange } from '../../src/core/model/types';
import { RULE_IDS } from '../../src/core/rules';

const ROOT = join(__dirname, '..', '..');

export const FUZZ_LANGUAGES = ['c', 'cpp', 'cuda', 'opencl-c', 'python', 'javascript', 'typescript'] as const satisfies readonly Language[];
export type FuzzLanguage = (typeof FUZZ_LANGUAGES)[number];

/** Text a hostile file may hold: markup, script URLs, bidi controls, NUL, lone surrogates, a key-shaped string. */
const HOSTILE = [
  '</script><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u202e\u2066evil\u2069\u202c',
  '\u0000',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\r\n',
  '\r',
  '\t',
  '한글',
  '😀',
  'sk-proj-0123456789abcdefghijklmnopqrstuvwxyzABCD',
  '{{api}}',
  '$(rm -rf /)',
  '%s%n',
  '\\',
  '"',
  "'",
  '`',
  '${',
  '*/',
  '/*',
  '//',
  '#',
  '"""',
];

const C_TOKENS = [
  'cudaMalloc(&d, n * sizeof(float));',
  'cudaMemcpy(d, h, bytes, cudaMemcpyHostToDevice);',
  'cudaFree(d);',
  'cudaMallocManaged(&m, N);',
  'cudaMemcpyAsync(d, h, n, cudaMemcpyHostToDevice, s);',
  'cudaDeviceSynchronize();',
  'cudaHostAlloc(&h, n, 0);',
  'malloc(n)',
  'new float[n]',
  'clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, n, h, &err);',
  'clEnqueueWriteBuffer(q, b, CL_TRUE, 0, n, h, 0, NULL, NULL);',
  'clReleaseMemObject(b);',
  'CL_DEVICE_MAX_MEM_ALLOC_SIZE',
  'thrust::device_vector<float> v(n);',
  'k<<<g, b>>>(d, n);',
  '<<<',
  '>>>',
  '__global__',
  '__device__',
  '__kernel',
  '__global',
  'global',
  'kernel',
  '__launch_bounds__(256)',
  '__attribute__((x))',
  '#define N (1 << 20)\n',
  '#define N',
  '#if 0\n',
  '#endif\n',
  '#include <cuda_runtime.h>\n',
  'typedef struct { float x[4]; } P;',
  'enum { A = 4, B };',
  'struct S { int a; };',
  'for (int i = 0; i < 8; i++) {',
  'while (x) {',
  'do {',
  '} while (0);',
  'return d;',
  '*out = d;',
  'int n = 1024;',
  'size_t bytes = (size_t)n * sizeof(float);',
  'float *d;',
  'void f(float *h, int n) {',
  'int main() {',
  'namespace a {',
  'extern "C" {',
  'template <typename T>',
  'auto l = [&](int x) { return x; };',
  'CHECK(',
  'sizeof(',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ';',
  ',',
  '=',
  '*',
  '&',
  '->',
  '.',
  '::',
  '<',
  '>',
  '?',
  ':',
  '0',
  '1',
  '-1',
  '0x7fffffffffffffff',
  '1e308',
  '9999999999999999999999',
  'n',
  'd',
  'h',
  'x',
  '\n',
  ' ',
  '// c\n',
  '/* c */',
  '"s"',
  "'c'",
  '// aia-disable-next-line gpu-missing-free\n',
];

const PY_TOKENS = [
  'import cupy as cp\n',
  'import numpy as np\n',
  'import torch\n',
  'import pyopencl as cl\n',
  'from numba import cuda\n',
  'import pycuda.driver as drv\n',
  'from openai import OpenAI\n',
  'client = OpenAI()\n',
  'client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])',
  'client.embeddings.create(model="text-embedding-3-small", input=texts)',
  'r.set(k, v, ex=3600)',
  'db.execute("INSERT INTO t VALUES (%s)", (x,))',
  'cp.asarray(x)',
  'cp.zeros((n, n), dtype=cp.float32)',
  'torch.randn(1024, 1024, device="cuda")',
  'x.cuda()',
  'cuda.to_device(a)',
  'np.load("x.npy")',
  'cl.Buffer(ctx, cl.mem_flags.READ_ONLY | cl.mem_flags.COPY_HOST_PTR, hostbuf=a)',
  'for i in range(10):\n',
  'while True:\n',
  'def f(x):\n',
  'class A:\n',
  'async def g():\n',
  'with open(p) as f:\n',
  'try:\n',
  'except Exception:\n',
  'return x\n',
  'lambda x: x',
  'yield x',
  'await x',
  '    ',
  '\n',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ':',
  ',',
  '=',
  '.',
  '*',
  '**',
  '@',
  '#',
  'x',
  'n',
  '1024',
  '1 << 30',
  '"s"',
  "'s'",
  'f"{x}"',
  '"""doc"""',
  '# aia-disable-next-line llm-missing-timeout\n',
  'api_key="sk-proj-0123456789abcdefghijklmnopqrstuvwxyz"',
];

const JS_TOKENS = [
  "import OpenAI from 'openai';\n",
  "const OpenAI = require('openai');\n",
  'const client = new OpenAI();\n',
  'const openai = new OpenAI({ timeout: 5000 });\n',
  "await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] })",
  "client.responses.create({ model: 'gpt-4o', input: 'x' })",
  "client.embeddings.create({ model: 'text-embedding-3-small', input: docs })",
  'await redis.set(key, JSON.stringify(r), { EX: 60 })',
  'await col.insertOne(doc)',
  "await pool.query('INSERT INTO t VALUES ($1)', [x])",
  'for (const x of xs) {',
  'while (x) {',
  'function f(a, b) {',
  'async function g() {',
  'const h = async (req, res) => {',
  'class A {',
  'export default',
  'interface I { a: number }',
  'type T = { a: string };',
  'const x: number = 1;',
  'as any',
  '<T>',
  '?.',
  '??',
  '...',
  '=>',
  '`t ${x}`',
  '/re/g',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ';',
  ',',
  '=',
  '.',
  ':',
  '?',
  'x',
  'q',
  '\n',
  ' ',
  '// c\n',
  '/* c */',
  "'s'",
  '"s"',
  '// aia-disable-next-line llm-missing-max-tokens\n',
  "apiKey: 'sk-proj-0123456789abcdefghijklmnopqrstuvwxyzABCD'",
  '<div>{x}</div>',
];

/**
 * Whole statements for JS/TS: the TypeScript parser gives no tree for a file with a syntax error, so token soups and
 * mutations rarely reach the OpenAI analysis there. Programs of complete statements (some inside loops, handlers
 * and functions) do.
 */
const JS_STATEMENTS = [
  "import OpenAI from 'openai';",
  'const client = new OpenAI();',
  'const openai = new OpenAI({ timeout: 5000, maxRetries: 2 });',
  "const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });",
  "const r = await client.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: q }] });",
  "const e = await client.embeddings.create({ model: 'text-embedding-3-small', input: docs });",
  "const s = await client.responses.create({ model: 'gpt-4o', input: 'x' });",
  'await redis.set(key, JSON.stringify(r), { EX: 3600 });',
  'const hit = await redis.get(key);',
  'await col.insertOne({ q, a: r.choices[0].message.content });',
  "await pool.query('INSERT INTO answers (q, a) VALUES ($1, $2)', [q, r.choices[0].message.content]);",
  'await db.collection("t").updateOne({ q }, { $set: { r } }, { upsert: true });',
  "const key = 'sk-proj-0123456789abcdefghijklmnopqrstuvwxyzABCD';",
  'if (hit) return JSON.parse(hit);',
  'return r;',
  'let q = req.body.q;',
  '// aia-disable-next-line llm-missing-max-tokens',
  '/* </script><img src=x onerror=alert(1)> */',
  "const t = '\u202e evil';",
];
const JS_WRAPPERS = [
  'for (const q of questions) {\n@\n}',
  'app.post("/ask", async (req, res) => {\n@\n});',
  'async function handle(q: string) {\n@\n}',
  'while (more) {\n@\n}',
  'try {\n@\n} catch (e) {}',
];

function jsPrograms(typescript: boolean): fc.Arbitrary<string> {
  const statements = fc.array(fc.constantFrom(...JS_STATEMENTS), { minLength: 1, maxLength: 12 }).map((xs) => xs.join('\n'));
  const wrapped = fc.tuple(fc.constantFrom(...JS_WRAPPERS), statements).map(([w, body]) => w.replace('@', body));
  return fc
    .array(fc.oneof(statements, wrapped), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join('\n').replace(/: string\)/g, typescript ? ': string)' : ')'));
}

const TOKENS: Record<FuzzLanguage, readonly string[]> = {
  c: C_TOKENS,
  cpp: C_TOKENS,
  cuda: C_TOKENS,
  'opencl-c': C_TOKENS,
  python: PY_TOKENS,
  javascript: JS_TOKENS,
  typescript: JS_TOKENS,
};

const EXTENSION: Record<FuzzLanguage, string> = {
  c: 'c',
  cpp: 'cpp',
  cuda: 'cu',
  'opencl-c': 'cl',
  python: 'py',
  javascript: 'js',
  typescript: 'ts',
};

/** Real files of each language to mutate: the examples and the code blocks of the rule docs. */
function seedTexts(language: FuzzLanguage): string[] {
  const ext = EXTENSION[language];
  const files: string[] = [];
  for (const dir of readdirSync(join(ROOT, 'examples'), { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(ROOT, 'examples', dir.name))) {
      const e = f.split('.').pop();
      if (
        e === ext ||
        (language === 'cuda' && e === 'cu') ||
        (language === 'cpp' && (e === 'c' || e === 'cu')) ||
        (language === 'typescript' && e === 'js')
      )
        files.push(readFileSync(join(ROOT, 'examples', dir.name, f), 'utf8'));
    }
  }
  const fence =
    language === 'python'
      ? 'python'
      : language === 'javascript' || language === 'typescript'
        ? '(?:ts|js|typescript|javascript)'
        : '(?:c|cpp|cuda|opencl)';
  for (const f of readdirSync(join(ROOT, 'docs', 'rules'))) {
    const md = readFileSync(join(ROOT, 'docs', 'rules', f), 'utf8');
    for (const m of md.matchAll(new RegExp('```' + fence + '\\n([\\s\\S]*?)```', 'g'))) files.push(m[1]!);
  }
  return files.length ? files : [''];
}

/** Bracket pairs of each language, nested deep (issue 18): the parser, the mask and every walk over the tree. */
const BRACKETS: Record<FuzzLanguage, ReadonlyArray<readonly [string, string]>> = {
  c: [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
    ['a<', '>'],
    ['__attribute__((', '))'],
    ['/*', '*/'],
  ],
  cpp: [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
    ['std::vector<', '>'],
    ['a<', '>'],
    ['[&]{', '}()'],
    ['R"x(', ')x"'],
  ],
  cuda: [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
    ['k<<<1,1>>>(', ')'],
    ['<<<', '>>>'],
    ['a<', '>'],
    ['__launch_bounds__(', ')'],
  ],
  'opencl-c': [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
    ['__attribute__((', '))'],
  ],
  python: [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
    ['f(', ')'],
    ['lambda: (', ')'],
    ['"""', '"""'],
  ],
  javascript: [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
    ['f(', ')'],
    ['`${', '}`'],
    ['() => (', ')'],
  ],
  typescript: [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
    ['Array<', '>'],
    ['f(', ')'],
    ['`${', '}`'],
  ],
};
const NESTED_INNER: Record<FuzzLanguage, string> = {
  c: 'cudaMalloc(&d, 4)',
  cpp: 'cudaMalloc(&d, 4)',
  cuda: 'cudaMalloc(&d, 4)',
  'opencl-c': 'clCreateBuffer(c, 0, 4, 0, 0)',
  python: 'torch.zeros(4, device="cuda")',
  javascript: "client.chat.completions.create({ model: 'gpt-4o' })",
  typescript: "client.chat.completions.create({ model: 'gpt-4o' })",
};
const NESTED_PRELUDE: Record<FuzzLanguage, string> = {
  c: 'void f() {\n',
  cpp: 'void f() {\n',
  cuda: '__global__ void k(int x) {}\nvoid f() {\n',
  'opencl-c': 'void f() {\n',
  python: 'import torch\nx = ',
  javascript: "import OpenAI from 'openai';\nconst client = new OpenAI();\nconst x = ",
  typescript: "import OpenAI from 'openai';\nconst client = new OpenAI();\nconst x = ",
};

/** One or two bracket kinds nested 50 to 1,000 deep (deeper is linear too, but passes the 1 s a fuzz input may take on a loaded machine; test/unit/limits.test.ts and hostile-input.test.ts go to 10,000 and 60,000) around a call the analysis looks for, closed or not. */
export function nestedArbitrary(language: FuzzLanguage): fc.Arbitrary<string> {
  const pair = fc.constantFrom(...BRACKETS[language]);
  // The TypeScript parser takes ~1 ms a level of `Array<` in an expression: 300 keeps JS/TS inside the 1 s bound.
  const maxDepth = language === 'javascript' || language === 'typescript' ? 300 : 1000;
  return fc
    .tuple(fc.array(pair, { minLength: 1, maxLength: 2 }), fc.integer({ min: 50, max: maxDepth }), fc.boolean(), fc.boolean())
    .map(([pairs, depth, closed, mixed]) => {
      const opens: string[] = [];
      const closes: string[] = [];
      for (let i = 0; i < depth; i++) {
        const [open, close] = pairs[mixed ? i % pairs.length : 0]!;
        opens.push(open);
        closes.push(close);
      }
      const tail = language === 'python' || language === 'javascript' || language === 'typescript' ? '\n' : ';\n}\n';
      return `${NESTED_PRELUDE[language]}${opens.join('')}${NESTED_INNER[language]}${closed ? closes.reverse().join('') : ''}${tail}`;
    });
}

/** File names a hostile repository can hold: control characters, bidi controls, URL and shell syntax, long names. */
export const HOSTILE_NAME_PARTS = [
  '\u0001',
  '\u001b[31m',
  '\u0007',
  '\u0008',
  '\t',
  '\n',
  '\r',
  '\u007f',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  '%41',
  '%',
  '#',
  '?',
  '&',
  ' ',
  '..',
  '$(x)',
  '`x`',
  '"',
  "'",
  '\\',
  '*',
  '[a]',
  '{a,b}',
  '!',
  '@(a)',
  '한글',
  '😀',
  '\ud800',
  'CON',
  'a'.repeat(200),
];

/** A file name (one path segment) built from hostile parts, with a source extension. */
export function hostileNameArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.constantFrom(...HOSTILE_NAME_PARTS, 'k', 'x_1'), { minLength: 1, maxLength: 5 }),
      fc.constantFrom('.cu', '.py', '.ts', '.c', '.cl'),
    )
    .map(([parts, ext]) => `${parts.join('')}${ext}`);
}

type Edit = { at: number; cut: number; insert: string };

/** An input: a token soup, a real file with edits, or raw characters (any code unit, lone surrogates included). */
export function inputArbitrary(language: FuzzLanguage): fc.Arbitrary<string> {
  const tokens = [...TOKENS[language], ...HOSTILE];
  const token = fc.constantFrom(...tokens);
  const seeds = seedTexts(language);
  const soup = fc.array(token, { maxLength: 160 }).map((parts) => parts.join(''));
  const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.nat(), cut: fc.nat({ max: 40 }), insert: fc.oneof(token, fc.string({ maxLength: 8 })) });
  const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 12 })).map(([seed, edits]) => {
    let text = seed;
    for (const e of edits) {
      const at = text.length ? e.at % (text.length + 1) : 0;
      text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
    }
    return text;
  });
  const raw = fc.string({ unit: 'binary', maxLength: 400 });
  const nested = nestedArbitrary(language);
  if (language === 'javascript' || language === 'typescript') {
    return fc.oneof(
      { weight: 3, arbitrary: mutated },
      { weight: 2, arbitrary: soup },
      { weight: 1, arbitrary: raw },
      { weight: 3, arbitrary: jsPrograms(language === 'typescript') },
      { weight: 1, arbitrary: nested },
    );
  }
  return fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 3, arbitrary: soup }, { weight: 1, arbitrary: raw }, { weight: 1, arbitrary: nested });
}

export const MAX_ANALYSIS_MS = 1000;

/** What the inputs reached, per run: an input the prefilter drops exercises less than one that is parsed. */
export const reached = { inputs: 0, parsed: 0, withFindings: 0, slowestMs: 0 };

const loaded = resolveConfig(undefined, RULE_IDS);

/** Line lengths as VS Code counts lines (and so the analyzer): '\n', '\r\n' and a lone '\r' end a line. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function checkRange(range: SourceRange, lengths: number[], what: string): void {
  const { startLine, startColumn, endLine, endColumn } = range;
  const ok =
    startLine >= 1 &&
    endLine <= lengths.length &&
    (startLine < endLine || (startLine === endLine && startColumn <= endColumn)) &&
    startColumn >= 1 &&
    endColumn >= 1 &&
    startColumn <= lengths[startLine - 1]! + 1 &&
    endColumn <= lengths[endLine - 1]! + 1;
  if (!ok) throw new Error(`${what}: range ${JSON.stringify(range)} is outside the file (${lengths.length} lines)`);
}

function checkFinding(f: Finding, text: string, lengths: number[]): void {
  checkRange(f.range, lengths, `${f.ruleId} finding`);
  for (const r of f.related ?? []) checkRange(r.range, lengths, `${f.ruleId} related location`);
  for (const fix of f.fixes ?? []) {
    for (const e of fix.edits) {
      if (!(e.startOffset >= 0 && e.startOffset <= e.endOffset && e.endOffset <= text.length))
        throw new Error(`${f.ruleId} fix edit ${e.startOffset}-${e.endOffset} is outside the file (${text.length} characters)`);
    }
  }
}

/** No safety net caught an exception, and every finding, related location and fix edit lies inside `text`. */
export function assertSound(text: string, analysis: FileAnalysis): void {
  if (analysis.entry.skipped?.startsWith('analysis failed')) throw new Error(`an exception escaped the pipeline: ${analysis.entry.skipped}`);
  if (analysis.entry.ruleErrors?.length) throw new Error(`a rule threw: ${analysis.entry.ruleErrors.join('; ')}`);
  const lengths = lineLengths(text);
  for (const f of analysis.findings) checkFinding(f, text, lengths);
}

/**
 * Loads what the first input of a kind would otherwise pay for (the TypeScript parser, both BPE tables, the WASM
 * grammars), so the 1 s bound measures analysis and not a module's first load.
 */
export async function warmUp(): Promise<void> {
  const chat =
    "client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });\nclient.embeddings.create({ model: 'text-embedding-ada-002', input: 'x' });";
  await analyzeText('w.ts', `import OpenAI from 'openai';\nconst client = new OpenAI();\n${chat}\n`, 'typescript', loaded);
  await analyzeText(
    'w.py',
    'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])\n',
    'python',
    loaded,
  );
  await analyzeText('w.cu', 'void f() { float *d; cudaMalloc(&d, 64); }', 'cuda', loaded);
}

/**
 * Runs every property on one input; throws with what failed. `previous` is another text of the same document, so
 * the editor's path (its tree edited, its functions' facts reused) runs too.
 */
export async function checkInput(language: FuzzLanguage, text: string, previous: string, name?: string): Promise<void> {
  const path = name ?? `fuzz.${EXTENSION[language]}`;
  const started = performance.now();
  const first: FileAnalysis = await analyzeText(path, text, language, loaded);
  const ms = performance.now() - started;
  if (ms > MAX_ANALYSIS_MS) throw new Error(`analysis took ${Math.round(ms)} ms (limit ${MAX_ANALYSIS_MS} ms)`);
  reached.inputs++;
  if (!first.entry.prefiltered && !first.entry.skipped) reached.parsed++;
  if (first.findings.length) reached.withFindings++;
  reached.slowestMs = Math.max(reached.slowestMs, ms);
  assertSound(text, first);
  for (const f of first.findings)
    if (f.path !== path) throw new Error(`a finding names ${JSON.stringify(f.path)}, not the file ${JSON.stringify(path)}`);
  const json = JSON.stringify(first);
  const again = JSON.stringify(await analyzeText(path, text, language, loaded));
  if (again !== json) throw new Error('not deterministic: a second analysis of the same text gave other JSON');
  const cache = new DocumentCache();
  try {
    await analyzeText(path, previous, language, loaded, { cache, key: path });
    const edited = JSON.stringify(await analyzeText(path, text, language, loaded, { cache, key: path }));
    if (edited !== json) throw new Error("the editor's path (incremental parse, reused facts) gave other JSON than a fresh analysis");
  } finally {
    cache.delete(path);
  }
}

/** The property for fast-check: an input and the document's previous text. */
export function pipelineProperty(language: FuzzLanguage): fc.IAsyncProperty<[string, string, string | null]> {
  const input = inputArbitrary(language);
  // A hostile name for one input in four: it reaches every finding's path unchanged.
  const name = fc.option(
    hostileNameArbitrary().map((n) => n.replace(/\.[a-z]+$/, `.${EXTENSION[language]}`)),
    { freq: 4 },
  );
  return fc.asyncProperty(input, input, name, async (text, previous, path) => {
    await checkInput(language, text, previous, path ?? undefined);
  });
}

/**
 * Hostile names on disk: a file the OS accepts under the name is, after a scan, either analysed under that name or
 * listed as skipped with a reason; never missing. One scan per input, so the fuzz run gives it fewer inputs.
 */
export function namesProperty(): fc.IAsyncProperty<[string[]]> {
  return fc.asyncProperty(fc.uniqueArray(hostileNameArbitrary(), { minLength: 1, maxLength: 6 }), async (names) => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-fuzz-names-'));
    try {
      const written: string[] = [];
      for (const n of names) {
        try {
          writeFileSync(join(dir, n), n.endsWith('.py') ? 'import torch\nx = torch.zeros(4, device="cuda")\n' : 'void f(){ cudaMalloc(&d, 4); }\n');
          written.push(n);
        } catch {
          // The OS refused the name (too long, not representable): nothing to find.
        }
      }
      const listed = new Set<string>();
      for (const entry of readdirSync(dir)) listed.add(entry);
      const result = await analyze({ root: dir });
      const seen = new Set([...result.files.map((f) => f.path), ...result.skipped.map((s) => s.path)]);
      for (const entry of listed) {
        if (!seen.has(entry) && !result.skipped.some((s) => s.path.includes(entry.slice(0, 20))))
          throw new Error(`${JSON.stringify(entry)} is on disk but neither analysed nor listed as skipped`);
      }
      for (const s of result.skipped) if (!s.reason) throw new Error(`${JSON.stringify(s.path)} skipped without a reason`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
