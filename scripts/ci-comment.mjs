#!/usr/bin/env node
// The pull-request step of action.yml: runs `ai-infra-advisor diff --format md` against the PR's base and posts the
// result as ONE comment, updated in place on later pushes (found by its hidden marker). Talks to GitHub through the
// `gh` CLI (preinstalled on GitHub's runners; GH_TOKEN from the workflow). Exits with the diff's status, so
// --fail-on and --budget still gate the job after the comment is posted.
//
// Usage: node scripts/ci-comment.mjs --repo OWNER/NAME --pr N [--base REV] [--budget USD] [--fail-on LEVEL]
//          [--target-gpu ID] [--profile P] [--root DIR] [--dry-run]
// Env:   AIA_CLI  JSON array: the command that runs the CLI (default ["npx","--yes","ai-infra-advisor"])
//        GH       the gh binary (default "gh")
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const MARKER = '<!-- ai-infra-advisor-diff -->';
// GitHub rejects issue comments over 65,536 characters (REST API "Create an issue comment", read 2026-12-03).
const MAX_COMMENT_CHARS = 65_536;

function fail(message) {
  process.stderr.write(`ci-comment: ${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    repo: { type: 'string' },
    pr: { type: 'string' },
    base: { type: 'string' },
    budget: { type: 'string' },
    'fail-on': { type: 'string' },
    'target-gpu': { type: 'string' },
    profile: { type: 'string' },
    root: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const repo = values.repo ?? process.env.GITHUB_REPOSITORY;
const pr = values.pr ?? process.env.PR_NUMBER;
if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) fail(`--repo must be OWNER/NAME, not ${JSON.stringify(repo)}`);
if (!pr || !/^\d+$/.test(pr)) fail(`--pr must be a pull-request number, not ${JSON.stringify(pr)}`);

let cli;
try {
  cli = JSON.parse(process.env.AIA_CLI ?? '["npx","--yes","ai-infra-advisor"]');
} catch (err) {
  fail(`AIA_CLI is not a JSON array: ${err.message}`);
}
if (!Array.isArray(cli) || !cli.length || !cli.every((x) => typeof x === 'string')) fail('AIA_CLI must be a JSON array of strings');

const dir = mkdtempSync(join(tmpdir(), 'aia-ci-'));
const out = join(dir, 'diff.md');
const args = ['diff', ...(values.base ? [values.base] : []), '--format', 'md', '--output', out];
for (const k of ['budget', 'fail-on', 'target-gpu', 'profile', 'root']) if (values[k] !== undefined) args.push(`--${k}`, values[k]);
const run = spawnSync(cli[0], [...cli.slice(1), ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
if (run.error) fail(`cannot run ${cli[0]}: ${run.error.message}`);
// 0 and 1 wrote a report (1: a gate failed); 2 is a usage, git or configuration error with no report.
if (run.status !== 0 && run.status !== 1) fail(`the diff failed (exit ${run.status}); no comment posted`);
let body = readFileSync(out, 'utf8');
rmSync(dir, { recursive: true, force: true });
if (!body.startsWith(MARKER)) body = `${MARKER}\n${body}`;
if (body.length > MAX_COMMENT_CHARS) {
  const note = "\n\n_Cut to fit GitHub's comment limit; run `ai-infra-advisor diff` for the whole report._\n";
  body = body.slice(0, MAX_COMMENT_CHARS - note.length) + note;
}

const gh = process.env.GH ?? 'gh';
function ghApi(apiArgs, input) {
  const r = spawnSync(gh, ['api', ...apiArgs], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'] });
  if (r.error) fail(`cannot run ${gh}: ${r.error.message}`);
  if (r.status !== 0) fail(`gh api ${apiArgs.join(' ')} failed (exit ${r.status})`);
  return r.stdout;
}

if (values['dry-run']) process.stdout.write(body);
else {
  // --paginate --slurp: every page as one JSON array of arrays.
  const pages = JSON.parse(ghApi(['--paginate', '--slurp', `repos/${repo}/issues/${pr}/comments`]) || '[]');
  const comments = pages.flat();
  const mine = comments.find((c) => typeof c?.body === 'string' && c.body.startsWith(MARKER));
  const payload = JSON.stringify({ body });
  if (mine) {
    ghApi(['--method', 'PATCH', `repos/${repo}/issues/comments/${mine.id}`, '--input', '-'], payload);
    process.stderr.write(`ci-comment: updated comment ${mine.id} on ${repo}#${pr}\n`);
  } else {
    ghApi(['--method', 'POST', `repos/${repo}/issues/${pr}/comments`, '--input', '-'], payload);
    process.stderr.write(`ci-comment: posted a comment on ${repo}#${pr}\n`);
  }
}
process.exit(run.status ?? 0);
