#!/usr/bin/env node
// The pull-request step of action.yml (and of the GitLab CI job in docs/ci.md): runs `ai-infra-advisor diff --format
// md` against the base and posts the result as ONE comment, updated in place on later pushes (found by its hidden
// marker). GitHub: through the `gh` CLI (preinstalled on GitHub's runners; GH_TOKEN from the workflow). GitLab
// (--gitlab): the REST API with fetch, a merge-request note listed, then PUT if ours exists, else POST. Exits with the
// diff's status, so --fail-on and --budget still gate the job after the comment is posted.
//
// Usage: node scripts/ci-comment.mjs --repo OWNER/NAME --pr N [--base REV] [--budget USD] [--fail-on LEVEL]
//          [--target-gpu ID] [--profile P] [--root DIR] [--lang en|ko] [--dry-run]
//        node scripts/ci-comment.mjs --gitlab [--project ID|PATH] [--mr IID] [--api-url URL] [same diff options]
// Env:   AIA_CLI  JSON array: the command that runs the CLI (default ["npx","--yes","ai-infra-advisor"])
//        GH       the gh binary (default "gh")
//        GitLab: CI_PROJECT_ID, CI_MERGE_REQUEST_IID, CI_API_V4_URL (set by GitLab CI in merge-request pipelines);
//        GITLAB_TOKEN (sent as PRIVATE-TOKEN: a project, group or personal access token with the api scope), else
//        CI_JOB_TOKEN (sent as JOB-TOKEN; GitLab does not let the job token write merge-request notes today:
//        gitlab.com/gitlab-org/gitlab/-/issues/464591, read 2026-12-04)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const MARKER = '<!-- ai-infra-advisor-diff -->';
// GitHub rejects issue comments over 65,536 characters (REST API "Create an issue comment", read 2026-12-03); GitLab
// notes over 1,000,000 (the note length limit, gitlab.com/gitlab-org/gitlab/-/issues/426314, read 2026-12-04).
const MAX_COMMENT_CHARS = { github: 65_536, gitlab: 1_000_000 };

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
    lang: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    gitlab: { type: 'boolean', default: false },
    project: { type: 'string' },
    mr: { type: 'string' },
    'api-url': { type: 'string' },
  },
});
const platform = values.gitlab ? 'gitlab' : 'github';
let repo, pr, gitlab;
if (platform === 'github') {
  repo = values.repo ?? process.env.GITHUB_REPOSITORY;
  pr = values.pr ?? process.env.PR_NUMBER;
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) fail(`--repo must be OWNER/NAME, not ${JSON.stringify(repo)}`);
  if (!pr || !/^\d+$/.test(pr)) fail(`--pr must be a pull-request number, not ${JSON.stringify(pr)}`);
} else {
  gitlab = gitlabTarget();
}

/** The GitLab project, merge request, API root and token, from the options or GitLab CI's predefined variables. */
function gitlabTarget() {
  const project = values.project ?? process.env.CI_PROJECT_ID;
  const mr = values.mr ?? process.env.CI_MERGE_REQUEST_IID;
  const apiUrl = values['api-url'] ?? process.env.CI_API_V4_URL;
  // A numeric id or a namespace path (group/subgroup/project); the API takes the path URL-encoded.
  if (!project || !/^(\d+|[\w.-]+(\/[\w.-]+)+)$/.test(project))
    fail(`--project must be a GitLab project id or a path like group/project (default CI_PROJECT_ID), not ${JSON.stringify(project)}`);
  if (!mr || !/^\d+$/.test(mr)) fail(`--mr must be a merge-request IID (default CI_MERGE_REQUEST_IID), not ${JSON.stringify(mr)}`);
  let api;
  try {
    api = new URL(apiUrl ?? '');
  } catch {
    fail(`--api-url must be the GitLab API root such as https://gitlab.com/api/v4 (default CI_API_V4_URL), not ${JSON.stringify(apiUrl)}`);
  }
  if (api.protocol !== 'https:' && api.protocol !== 'http:') fail(`--api-url must be http(s), not ${api.protocol}`);
  const token = process.env.GITLAB_TOKEN
    ? { header: 'PRIVATE-TOKEN', value: process.env.GITLAB_TOKEN, name: 'GITLAB_TOKEN' }
    : process.env.CI_JOB_TOKEN
      ? { header: 'JOB-TOKEN', value: process.env.CI_JOB_TOKEN, name: 'CI_JOB_TOKEN' }
      : null;
  if (!token && !values['dry-run']) fail('set GITLAB_TOKEN (an access token with the api scope) to post the merge-request note');
  const notes = `${api.href.replace(/\/+$/, '')}/projects/${encodeURIComponent(project)}/merge_requests/${mr}/notes`;
  return { project, mr, notes, token };
}

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
for (const k of ['budget', 'fail-on', 'target-gpu', 'profile', 'root', 'lang']) if (values[k] !== undefined) args.push(`--${k}`, values[k]);
const run = spawnSync(cli[0], [...cli.slice(1), ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
if (run.error) fail(`cannot run ${cli[0]}: ${run.error.message}`);
// 0 and 1 wrote a report (1: a gate failed); 2 is a usage, git or configuration error with no report.
if (run.status !== 0 && run.status !== 1) fail(`the diff failed (exit ${run.status}); no comment posted`);
let body = readFileSync(out, 'utf8');
rmSync(dir, { recursive: true, force: true });
if (!body.startsWith(MARKER)) body = `${MARKER}\n${body}`;
if (body.length > MAX_COMMENT_CHARS[platform]) {
  const note = `\n\n_Cut to fit ${platform === 'gitlab' ? 'GitLab' : 'GitHub'}'s comment limit; run \`ai-infra-advisor diff\` for the whole report._\n`;
  body = body.slice(0, MAX_COMMENT_CHARS[platform] - note.length) + note;
}

const gh = process.env.GH ?? 'gh';
function ghApi(apiArgs, input) {
  const r = spawnSync(gh, ['api', ...apiArgs], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'] });
  if (r.error) fail(`cannot run ${gh}: ${r.error.message}`);
  if (r.status !== 0) fail(`gh api ${apiArgs.join(' ')} failed (exit ${r.status})`);
  return r.stdout;
}

/** One GitLab API call; a failure names the method, the path and GitLab's answer (never the token). */
async function gitlabApi(method, url, payload) {
  const { token } = gitlab;
  let res;
  try {
    res = await fetch(url, {
      method,
      headers: { [token.header]: token.value, ...(payload ? { 'Content-Type': 'application/json' } : {}) },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
    });
  } catch (err) {
    fail(`GitLab API ${method} ${new URL(url).pathname} failed: ${err.cause?.message ?? err.message}`);
  }
  if (!res.ok) {
    const text = (await res.text()).slice(0, 300);
    const hint =
      (res.status === 401 || res.status === 403) && token.name === 'CI_JOB_TOKEN'
        ? '; the CI job token cannot write merge-request notes: set GITLAB_TOKEN to an access token with the api scope'
        : '';
    fail(`GitLab API ${method} ${new URL(url).pathname} failed: ${res.status} ${res.statusText} ${text}${hint}`);
  }
  return res;
}

async function postToGitlab() {
  const { notes, project, mr } = gitlab;
  // Every page, oldest first (x-next-page is empty on the last one), so the first note with the marker is ours.
  let mine = null;
  for (let page = '1'; page && !mine;) {
    const res = await gitlabApi('GET', `${notes}?sort=asc&order_by=created_at&per_page=100&page=${page}`);
    const list = await res.json();
    if (!Array.isArray(list)) fail(`GitLab API GET notes: expected a list, got ${JSON.stringify(list).slice(0, 100)}`);
    mine = list.find((n) => !n?.system && typeof n?.body === 'string' && n.body.startsWith(MARKER)) ?? null;
    page = res.headers.get('x-next-page') ?? '';
  }
  if (mine) {
    await gitlabApi('PUT', `${notes}/${mine.id}`, { body });
    process.stderr.write(`ci-comment: updated note ${mine.id} on ${project}!${mr}\n`);
  } else {
    await gitlabApi('POST', notes, { body });
    process.stderr.write(`ci-comment: posted a note on ${project}!${mr}\n`);
  }
}

if (values['dry-run']) process.stdout.write(body);
else if (platform === 'gitlab') await postToGitlab();
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
