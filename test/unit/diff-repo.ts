// A git repository built commit by commit for the diff tests (test/unit/diff.test.ts, test/cli/diff.test.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: dir,
    },
  }).trim();
}

export function newRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aia-diff-test-'));
  gitIn(dir, 'init', '-q', '-b', 'main');
  return dir;
}

export function commit(dir: string, files: Record<string, string | null>, message: string): string {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) gitIn(dir, 'rm', '-q', path);
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  }
  gitIn(dir, 'add', '-A');
  gitIn(dir, 'commit', '-q', '-m', message);
  return gitIn(dir, 'rev-parse', 'HEAD');
}

const HEADER = 'from openai import OpenAI\n\nclient = OpenAI(timeout=30)\n\n';
const summarise = (model: string, store: boolean) => `def summarise(text):
    r = client.chat.completions.create(model="${model}", max_tokens=100, messages=[{"role": "user", "content": "Summarise: " + text}])
${store ? '    answers.insert_one({"text": text, "summary": r.choices[0].message.content})\n' : ''}    return r.choices[0].message.content
`;
const classify = `def classify(text):
    r = client.chat.completions.create(model="gpt-4o-mini", max_tokens=5, messages=[{"role": "user", "content": "Label: " + text}])
    return r.choices[0].message.content
`;
const translate = `def translate_all(items):
    out = []
    for item in items:
        r = client.chat.completions.create(model="gpt-4o", max_tokens=200, messages=[{"role": "user", "content": "Translate: " + item}])
        out.append(r.choices[0].message.content)
    return out
`;
const LABELS = '# Labels first.\n# (the classifier runs before the summary)\n\n\n';
export const GIB = 1024 ** 3;
const kernel = (extra: boolean) => `#include <cuda_runtime.h>

int main() {
    float *d_a;
    cudaMalloc(&d_a, 1UL << 30);
${extra ? '    float *d_big;\n    cudaMalloc(&d_big, 16UL << 30);\n' : ''}    cudaFree(d_a);
${extra ? '    cudaFree(d_big);\n' : ''}    return 0;
}
`;

/** The commits of the done-when test: base, a loop of gpt-4o calls, a moved call, a model swap, 16 GiB, a Mongo write. */
export function buildScenario(): { dir: string; commits: string[] } {
  const dir = newRepo();
  const c0 = commit(dir, { 'app.py': HEADER + summarise('gpt-4o-mini', false) + '\n\n' + classify, 'gpu/main.cu': kernel(false) }, 'base');
  const c1 = commit(dir, { 'jobs.py': HEADER + translate }, 'a loop of gpt-4o calls');
  // classify moves above summarise, with lines added above it.
  const c2 = commit(dir, { 'app.py': HEADER + LABELS + classify + '\n\n' + summarise('gpt-4o-mini', false) }, 'move a call');
  const c3 = commit(dir, { 'app.py': HEADER + LABELS + classify + '\n\n' + summarise('gpt-4o', false) }, 'swap a model');
  const c4 = commit(dir, { 'gpu/main.cu': kernel(true) }, 'add a 16 GiB allocation');
  const mongo =
    'from pymongo import MongoClient\nfrom openai import OpenAI\n\nclient = OpenAI(timeout=30)\nanswers = MongoClient()["app"]["answers"]\n\n';
  const c5 = commit(dir, { 'app.py': mongo + LABELS + classify + '\n\n' + summarise('gpt-4o', true) }, 'store the summary in MongoDB');
  return { dir, commits: [c0, c1, c2, c3, c4, c5] };
}
