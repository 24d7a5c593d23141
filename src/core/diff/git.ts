// Reads revisions from git without touching the user's work tree: `git archive` into a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class GitError extends Error {}

export function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (err) {
    const e = err as { stderr?: Buffer | string; message: string };
    throw new GitError(
      `git ${args.join(' ')} failed: ${
        String(e.stderr ?? e.message)
          .trim()
          .split('\n')[0]
      }`,
    );
  }
}

function tryGit(cwd: string, args: string[]): string | null {
  try {
    return git(cwd, args);
  } catch {
    return null;
  }
}

/** The default branch: origin/HEAD's target, else main, else master. */
export function defaultBranch(cwd: string): string {
  const origin = tryGit(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  if (origin) return origin;
  for (const b of ['main', 'master']) if (tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${b}^{commit}`])) return b;
  throw new GitError('no default branch: origin/HEAD, main and master are all missing; name the base (`diff BASE`)');
}

export function resolveCommit(cwd: string, rev: string): string {
  if (rev.startsWith('-')) throw new GitError(`'${rev}' is not a revision`);
  const c = tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (!c) throw new GitError(`unknown revision '${rev}'`);
  return c;
}

/** The revision's tree in a new temporary folder; `dispose` removes it. */
export function materialise(top: string, commit: string): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'aia-diff-'));
  const tar = join(dir, '.rev.tar');
  try {
    const bytes = execFileSync('git', ['archive', '--format=tar', commit], {
      cwd: top,
      maxBuffer: 2 * 1024 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    writeFileSync(tar, bytes);
    execFileSync('tar', ['-xf', tar, '-C', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    rmSync(tar);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new GitError(`cannot read ${commit.slice(0, 12)} from git: ${(err as Error).message.split('\n')[0]}`);
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Renamed files between the base and the head (the working tree when head is null), as paths from the repository's top. */
export function renames(top: string, base: string, head: string | null): Array<{ from: string; to: string }> {
  const out = git(top, ['diff', '-M', '--name-status', '-z', base, ...(head ? [head] : []), '--']);
  const parts = out.split('\0');
  const found: Array<{ from: string; to: string }> = [];
  for (let i = 0; i < parts.length; i++) {
    const status = parts[i]!;
    if (status.startsWith('R')) {
      found.push({ from: parts[i + 1]!, to: parts[i + 2]! });
      i += 2;
    } else if (status.startsWith('C')) i += 2;
    else if (status) i += 1;
  }
  return found;
}
