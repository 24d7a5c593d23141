// `npm run accuracy`: scores this tree's analysis against the labelled corpus (accuracy/README in accuracy/results.md).
//   npm run accuracy                         all repositories of accuracy/corpus.json; writes accuracy/results.{md,json}
//                                            (only when every repository was measured)
//   npm run accuracy -- --only owner/name    some repositories (comma-separated); writes nothing
//   npm run accuracy -- --source             also prints each unlabelled finding's line (console only, never committed)
//   npm run accuracy -- --stub               adds `todo` labels for what no label covers, to fill in by reading the code
//   npm run accuracy -- --synthetic          the committed synthetic corpus (what the unit test runs)
// Mirrors: $ACCURACY_MIRRORS (default /work/.mirror), each a bare git dir <owner>+<name>[/repo]. Extracted trees go to
// $ACCURACY_WORK (default accuracy/.corpus, git-ignored). Never touches the network.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TOOL_VERSION } from '../src/core/analyze';
import { addStubs, runAccuracy, SourceLines } from '../accuracy/harness';
import { factLines, generatedSection, rulesTable, worklist } from '../accuracy/results-md';

const ROOT = join(__dirname, '..');
const START = '<!-- generated:start (npm run accuracy rewrites from here to the end marker) -->';
const END = '<!-- generated:end -->';

async function main() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      source: { type: 'boolean' },
      stub: { type: 'boolean' },
      synthetic: { type: 'boolean' },
      'no-write': { type: 'boolean' },
    },
  });
  const dir = values.synthetic ? join(ROOT, 'accuracy', 'synthetic') : join(ROOT, 'accuracy');
  const corpusFile = join(dir, 'corpus.json');
  const only = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const outcome = await runAccuracy({
    corpusFile,
    labelsDir: join(dir, 'labels'),
    mirrors: process.env.ACCURACY_MIRRORS ?? '/work/.mirror',
    work: process.env.ACCURACY_WORK ?? join(ROOT, 'accuracy', '.corpus'),
    only,
    log: (s) => console.error(s),
  });
  for (const m of outcome.missing) console.error(`not measured: ${m.reason}`);
  if (outcome.evaluations.length === 0) {
    console.log(
      `accuracy: the corpus is not available here (${outcome.missing.length} repositories without a mirror): nothing measured. Bring the mirrors (README, "Accuracy on real code") and re-run.`,
    );
    return;
  }
  console.log(['', ...rulesTable(outcome.rules), '', ...factLines(outcome), '', ...worklist(outcome)].join('\n'));
  if (values.source) {
    console.log('\n### Unlabelled findings with their line');
    for (const s of outcome.scanned) {
      const src = new SourceLines(s.dir);
      for (const m of s.evaluation.matched)
        if (m.verdict === 'unlabelled')
          console.log(
            `${s.spec.repo} ${m.finding.path}:${m.finding.range.startLine} ${m.finding.ruleId}\n    | ${src.text(m.finding.path, m.finding.range.startLine)?.trim()}\n    = ${m.finding.message.split('\n')[0]}`,
          );
    }
  }
  if (values.stub) {
    for (const s of outcome.scanned) {
      const { added, labels } = addStubs(s);
      if (!added) continue;
      writeFileSync(s.labelsFile, `${JSON.stringify(labels, null, 2)}\n`);
      console.error(`${s.labelsFile}: ${added} todo labels added`);
    }
  }
  if (only || values['no-write'] || values.synthetic) return;
  if (outcome.missing.length) {
    console.error(
      `results not written: ${outcome.missing.length} of the corpus's repositories were not measured, and partial figures would replace the full ones`,
    );
    return;
  }
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    } catch {
      return 'unknown';
    }
  })();
  const mdFile = join(dir, 'results.md');
  const generated = `${START}\n${generatedSection(outcome, TOOL_VERSION, commit)}\n${END}`;
  const before = existsSync(mdFile) ? readFileSync(mdFile, 'utf8') : `# Accuracy on real code\n\n${START}\n${END}\n`;
  const at = before.indexOf(START),
    end = before.indexOf(END);
  const md = at >= 0 && end > at ? before.slice(0, at) + generated + before.slice(end + END.length) : `${before.trimEnd()}\n\n${generated}\n`;
  writeFileSync(mdFile, md);
  const json = {
    generated: new Date().toISOString(),
    tool: TOOL_VERSION,
    commit,
    durationMs: Math.round(outcome.durationMs),
    rules: outcome.rules,
    facts: outcome.facts,
    missing: outcome.missing,
    repos: outcome.evaluations.map((e) => ({
      repo: e.repo,
      commit: e.commit,
      domain: e.domain,
      paths: e.paths,
      filesScanned: e.filesScanned,
      todo: e.todo,
      unlabelled: e.matched
        .filter((m) => m.verdict === 'unlabelled')
        .map((m) => ({ path: m.finding.path, line: m.finding.range.startLine, rule: m.finding.ruleId, message: m.finding.message.split('\n')[0] })),
      notFound: e.notFound,
      callSites: e.callSites.map(({ want: _want, ...c }) => c),
      allocations: e.allocations,
      strategies: e.strategies,
    })),
  };
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.error(`wrote ${mdFile} and results.json (${(outcome.durationMs / 1000).toFixed(1)} s)`);
}

main().catch((err) => {
  console.error(`accuracy: ${(err as Error).message}`);
  process.exitCode = 1;
});
