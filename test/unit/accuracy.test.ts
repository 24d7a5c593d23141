// The accuracy harness: matching findings to labels (line tolerance, anchors, related locations, missed problems),
// the scores it derives, extraction from a bare mirror, and an end-to-end run over the committed synthetic corpus.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisResult } from '../../src/core/analyze';
import type { Finding, LlmCallSummary } from '../../src/core/model/types';
import {
  addStubs,
  anchorOf,
  evaluateRepo,
  materialise,
  readCorpus,
  readLabels,
  runAccuracy,
  scoreFacts,
  scoreRules,
  SourceLines,
  type RepoLabels,
  type RepoSpec,
} from '../../accuracy/harness';

const SYNTHETIC = join(__dirname, '..', '..', 'accuracy', 'synthetic');

function finding(path: string, line: number, ruleId: string, related: number[] = []): Finding {
  const range = (l: number) => ({ startLine: l, startColumn: 1, endLine: l, endColumn: 2 });
  return {
    ruleId,
    messageId: 'm',
    severity: 'warning',
    message: `${ruleId} at ${line}`,
    path,
    range: range(line),
    related: related.map((l) => ({ range: range(l), message: 'here' })),
  };
}

function result(parts: Partial<AnalysisResult>): AnalysisResult {
  return { findings: [], gpu: [], llm: [], files: [], skipped: [], ...parts } as unknown as AnalysisResult;
}

const spec: RepoSpec = { repo: 'o/r', commit: 'a'.repeat(40), paths: ['.'], domain: 'gpu' };
const labels = (l: Partial<RepoLabels>): RepoLabels => ({ repo: 'o/r', commit: 'a'.repeat(40), findings: [], missed: [], ...l });

describe('accuracy harness', function () {
  this.timeout(60_000);
  let dir: string;
  let src: SourceLines;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'accuracy-'));
    // 40 distinct lines; line 30 is the one a relocated label's anchor names.
    writeFileSync(join(dir, 'a.cu'), Array.from({ length: 40 }, (_, i) => (i === 29 ? 'cudaMemcpy(d, h, n, kind);' : `line ${i + 1};`)).join('\n'));
    src = new SourceLines(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('matches a finding to a label on its line or within the tolerance, one label per finding', () => {
    const e = evaluateRepo(
      spec,
      labels({
        findings: [
          { path: 'a.cu', line: 5, rule: 'gpu-copy-in-loop', verdict: 'tp', why: 'x' },
          { path: 'a.cu', line: 10, rule: 'gpu-copy-in-loop', verdict: 'fp', why: 'y' },
        ],
      }),
      result({
        findings: [
          finding('a.cu', 5, 'gpu-copy-in-loop'),
          finding('a.cu', 11, 'gpu-copy-in-loop'),
          finding('a.cu', 12, 'gpu-copy-in-loop'),
          finding('a.cu', 5, 'gpu-sync-in-loop'),
        ],
      }),
      src,
    );
    assert.deepEqual(e.matched.map((m) => `${m.finding.range.startLine}:${m.finding.ruleId}:${m.verdict}`).sort(), [
      '11:gpu-copy-in-loop:fp',
      '12:gpu-copy-in-loop:unlabelled',
      '5:gpu-copy-in-loop:tp',
      '5:gpu-sync-in-loop:unlabelled',
    ]);
    const [copy] = scoreRules([e]);
    assert.deepEqual(
      { ...copy },
      { rule: 'gpu-copy-in-loop', findings: 3, tp: 1, fp: 1, unlabelled: 1, positives: 1, positivesFound: 1, precision: 0.5, recall: 1 },
    );
  });

  it('a label whose line moved is found again through its anchor; a true problem no finding reports lowers recall', () => {
    const e = evaluateRepo(
      spec,
      labels({
        findings: [
          {
            path: 'a.cu',
            line: 3,
            anchor: anchorOf('  cudaMemcpy(d, h, n, kind);  '),
            rule: 'gpu-copy-in-loop',
            verdict: 'tp',
            why: 'moved to line 30',
          },
          { path: 'a.cu', line: 20, rule: 'gpu-copy-in-loop', verdict: 'tp', why: 'not reported any more' },
        ],
      }),
      result({ findings: [finding('a.cu', 30, 'gpu-copy-in-loop'), finding('a.cu', 3, 'gpu-copy-in-loop')] }),
      src,
    );
    assert.equal(e.matched.find((m) => m.finding.range.startLine === 30)?.verdict, 'tp');
    assert.equal(e.matched.find((m) => m.finding.range.startLine === 3)?.verdict, 'unlabelled');
    assert.deepEqual(
      e.notFound.map((n) => [n.line, n.wasReported]),
      [[20, true]],
    );
    assert.equal(scoreRules([e])[0]!.recall, 0.5);
  });

  it('a missed problem found later counts as a true positive; one finding gathering several places finds them all', () => {
    const e = evaluateRepo(
      spec,
      labels({
        findings: [
          { path: 'a.cu', line: 14, rule: 'gpu-unchecked-call', verdict: 'tp', why: 'first call' },
          { path: 'a.cu', line: 16, rule: 'gpu-unchecked-call', verdict: 'tp', why: 'second call' },
        ],
        missed: [
          { path: 'a.cu', line: 25, rule: 'gpu-alloc-in-loop', why: 'not reported when labelled' },
          { path: 'a.cu', line: 35, rule: 'gpu-alloc-in-loop', why: 'still missed' },
        ],
      }),
      result({ findings: [finding('a.cu', 8, 'gpu-unchecked-call', [14, 16]), finding('a.cu', 25, 'gpu-alloc-in-loop')] }),
      src,
    );
    const [alloc, unchecked] = scoreRules([e]);
    assert.deepEqual([alloc!.tp, alloc!.positives, alloc!.positivesFound, alloc!.recall], [1, 2, 1, 0.5]);
    assert.equal(e.matched.find((m) => m.finding.ruleId === 'gpu-unchecked-call')?.how, 'related');
    assert.deepEqual([unchecked!.tp, unchecked!.positives, unchecked!.positivesFound], [1, 2, 2]);
  });

  it('a finding gathering places is true when one of them is, whatever its own line was labelled', () => {
    const e = evaluateRepo(
      spec,
      labels({
        findings: [
          { path: 'a.cu', line: 5, rule: 'gpu-unchecked-call', verdict: 'fp', why: 'checked launch' },
          { path: 'a.cu', line: 9, rule: 'gpu-unchecked-call', verdict: 'tp', why: 'dropped status' },
          { path: 'a.cu', line: 30, rule: 'gpu-unchecked-call', verdict: 'fp', why: 'error path' },
        ],
      }),
      result({ findings: [finding('a.cu', 5, 'gpu-unchecked-call', [9]), finding('a.cu', 30, 'gpu-unchecked-call', [36])] }),
      src,
    );
    assert.deepEqual(
      e.matched.map((m) => [m.finding.range.startLine, m.verdict, m.how]),
      [
        [5, 'tp', 'related'],
        [30, 'fp', 'line'],
      ],
    );
    assert.deepEqual(e.notFound, []);
  });

  it('labels still todo are counted, not scored', () => {
    const e = evaluateRepo(
      spec,
      labels({
        findings: [{ path: 'a.cu', line: 5, rule: 'gpu-copy-in-loop', verdict: 'todo', why: '' }],
        allocations: [{ path: 'a.cu', line: 5, bytes: '?' }],
      }),
      result({ findings: [finding('a.cu', 5, 'gpu-copy-in-loop')] }),
      src,
    );
    assert.equal(e.todo, 2);
    assert.equal(e.matched[0]!.verdict, 'unlabelled');
  });

  it('scores call-site store facts, byte counts and strategies against the analysis', () => {
    const call = (line: number, over: Partial<LlmCallSummary>): LlmCallSummary =>
      ({ line, persisted: false, store: null, cacheBeforeCall: false, ttl: null, ...over }) as LlmCallSummary;
    const r = result({
      llm: [
        {
          path: 'a.py',
          calls: [
            call(10, { persisted: true, store: { kind: 'redis' } as never, cacheBeforeCall: true, ttl: { seconds: 3600, how: 'ex' } }),
            call(20, { ttl: { seconds: null, how: 'expire' } }),
          ],
        } as never,
      ],
      gpu: [
        {
          path: 'a.cu',
          strategy: 'chunked',
          allocations: [
            { line: 4, bytes: 1024 },
            { line: 9, bytes: null },
            { line: 12, bytes: 64 },
          ],
        } as never,
      ],
    });
    const e = evaluateRepo(
      spec,
      labels({
        callSites: [
          { path: 'a.py', line: 10, persisted: true, store: 'redis', cacheFirst: true, ttl: 3600 },
          { path: 'a.py', line: 21, persisted: true, store: 'mongodb', cacheFirst: false, ttl: 'unknown' },
          { path: 'a.py', line: 40, persisted: false, store: null, cacheFirst: false, ttl: null },
        ],
        allocations: [
          { path: 'a.cu', line: 4, bytes: 1024 },
          { path: 'a.cu', line: 9, bytes: 4096 },
          { path: 'a.cu', line: 12, bytes: null },
        ],
        files: [
          { path: 'a.cu', strategy: 'whole-dataset' },
          { path: 'b.cu', strategy: 'none' },
        ],
      }),
      r,
      src,
    );
    const f = scoreFacts([e]);
    assert.deepEqual(
      [f.callSitesFound.right, f.persisted.right, f.store.right, f.cacheFirst.right, f.ttl.right, f.allFour.right],
      [2, 1, 1, 2, 2, 1],
    );
    assert.equal(f.persisted.labelled, 3);
    assert.deepEqual([f.bytesExact.right, f.bytesExact.labelled], [1, 2]);
    assert.deepEqual([f.runtimeLeftUnknown.right, f.runtimeLeftUnknown.labelled], [0, 1]);
    assert.deepEqual([f.strategy.right, f.strategy.labelled], [1, 2]);
  });

  it('refuses labels for another commit or an unknown rule, and a corpus entry without paths', () => {
    const file = join(dir, 'labels.json');
    writeFileSync(file, JSON.stringify(labels({ commit: 'b'.repeat(40) })));
    assert.throws(() => readLabels(file, spec), /labels were made at b{40}/);
    writeFileSync(file, JSON.stringify(labels({ findings: [{ path: 'a.cu', line: 1, rule: 'gpu-no-such-rule', verdict: 'tp', why: '' }] })));
    assert.throws(() => readLabels(file, spec), /unknown rule 'gpu-no-such-rule'/);
    writeFileSync(file, JSON.stringify({ repos: [{ ...spec, paths: [] }] }));
    assert.throws(() => readCorpus(file), /paths must list/);
  });

  it('extracts the pinned commit from a bare mirror once, and says so when no mirror has the repository', () => {
    const work = join(dir, 'work'),
      mirrors = join(dir, 'mirrors'),
      clone = join(dir, 'clone');
    mkdirSync(join(clone, 'src'), { recursive: true });
    writeFileSync(join(clone, 'src', 'k.cu'), 'int main() { return 0; }\n');
    writeFileSync(join(clone, 'other.txt'), 'not scanned\n');
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd })
        .toString()
        .trim();
    git(clone, 'init', '-q');
    git(clone, 'add', '.');
    git(clone, 'commit', '-qm', 'x');
    const commit = git(clone, 'rev-parse', 'HEAD');
    mkdirSync(join(mirrors, 'o+r'), { recursive: true });
    git(dir, 'clone', '-q', '--bare', clone, join(mirrors, 'o+r', 'repo'));
    const s: RepoSpec = { ...spec, commit, paths: ['src'] };
    const got = materialise(s, mirrors, work);
    assert.ok('dir' in got);
    assert.ok(existsSync(join(got.dir, 'src', 'k.cu')));
    assert.ok(!existsSync(join(got.dir, 'other.txt')));
    assert.match(
      (materialise({ ...s, repo: 'o/absent' }, mirrors, work) as { missing: string }).missing,
      /^no mirror of o\/absent under .*github.com\/o\/absent/,
    );
    assert.match((materialise({ ...s, commit: 'c'.repeat(40) }, mirrors, work) as { missing: string }).missing, /lacks commit c{40}/);
  });

  it('stubs one todo per unlabelled finding (two on one line get two), and a second run adds none', async () => {
    const e = evaluateRepo(
      spec,
      labels({}),
      result({
        findings: [finding('a.cu', 5, 'gpu-alloc-in-loop'), finding('a.cu', 5, 'gpu-alloc-in-loop'), finding('a.cu', 9, 'gpu-sync-in-loop')],
      }),
      src,
    );
    const scanned = { spec, dir, labelsFile: '', labels: labels({}), result: result({ findings: e.matched.map((m) => m.finding) }), evaluation: e };
    const first = addStubs(scanned);
    assert.equal(first.added, 3);
    assert.ok(first.labels.findings.every((l) => l.verdict === 'todo' && l.anchor === anchorOf(`line ${l.line};`)));
    const again = evaluateRepo(spec, first.labels, scanned.result, src);
    assert.equal(addStubs({ ...scanned, labels: first.labels, evaluation: again }).added, 0);
  });

  it('without a mirror the run measures nothing and says why', async () => {
    const corpus = join(dir, 'corpus.json');
    writeFileSync(corpus, JSON.stringify({ repos: [spec] }));
    const out = await runAccuracy({ corpusFile: corpus, labelsDir: join(dir, 'none'), mirrors: join(dir, 'no-mirrors'), work: join(dir, 'w') });
    assert.equal(out.evaluations.length, 0);
    assert.equal(out.missing.length, 1);
  });

  describe('the committed synthetic corpus', () => {
    it('every finding is labelled, and the labelled rules score precision 1 and recall 1', async () => {
      const out = await runAccuracy({
        corpusFile: join(SYNTHETIC, 'corpus.json'),
        labelsDir: join(SYNTHETIC, 'labels'),
        mirrors: '/nonexistent',
        work: join(dir, 'w'),
      });
      assert.equal(out.evaluations.length, 2);
      const unlabelled = out.evaluations.flatMap((e) =>
        e.matched.filter((m) => m.verdict === 'unlabelled').map((m) => `${m.finding.path}:${m.finding.range.startLine} ${m.finding.ruleId}`),
      );
      assert.deepEqual(unlabelled, [], 'label the new findings in accuracy/synthetic/labels');
      for (const r of out.rules) assert.deepEqual([r.rule, r.precision, r.recall], [r.rule, 1, 1]);
      assert.ok(out.rules.length >= 3);
      assert.equal(out.facts.callSitesFound.rate, 1);
      assert.equal(out.facts.bytesExact.rate, 1);
    });

    it('a wrong label lowers precision, a removed label leaves a finding unlabelled, an invented problem lowers recall', async () => {
      const labelsDir = join(dir, 'mutated');
      cpSync(join(SYNTHETIC, 'labels'), labelsDir, { recursive: true });
      const file = join(labelsDir, 'synthetic__gpu.json');
      const gpu = JSON.parse(readFileSync(file, 'utf8')) as RepoLabels;
      gpu.findings[0]!.verdict = 'fp';
      const removed = gpu.findings.splice(1, 1)[0]!;
      gpu.missed.push({ path: 'scale.cu', line: 7, rule: 'gpu-missing-free', why: 'invented for the test' });
      gpu.allocations![0]!.bytes = 1;
      writeFileSync(file, JSON.stringify(gpu));
      const out = await runAccuracy({ corpusFile: join(SYNTHETIC, 'corpus.json'), labelsDir, mirrors: '/nonexistent', work: join(dir, 'w') });
      const rule = (id: string) => out.rules.find((r) => r.rule === id)!;
      assert.equal(rule(gpu.findings[0]!.rule).precision, 0);
      assert.equal(rule(removed.rule).unlabelled, 1);
      assert.equal(rule('gpu-missing-free').recall, 0);
      assert.ok(out.facts.bytesExact.rate! < 1);
    });
  });
});
