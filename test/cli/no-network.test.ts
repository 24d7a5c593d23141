// No network (issue 6): the CLI never reaches the network, whatever it is asked. Two proofs on the bundled CLI:
//  1. with every Node network API replaced by one that fails and says so (test/helpers/deny-network.cjs), each
//     command and output format runs to its normal end and nothing reports an attempt;
//  2. in a network namespace with no interfaces at all (`unshare -n`, where the machine allows it), the outputs are
//     byte-identical to a normal run, so nothing depended on a reply either.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli.js');
const DENY = join(ROOT, 'test', 'helpers', 'deny-network.cjs');
const EXAMPLES = join(ROOT, 'examples');

const RUNS: string[][] = [
  ['scan', EXAMPLES, '--format', 'json', '--jobs', '2'],
  ['scan', EXAMPLES, '--format', 'sarif'],
  ['scan', EXAMPLES, '--format', 'text', '--lang', 'ko'],
  ['report', EXAMPLES, '--format', 'json'],
  ['report', EXAMPLES, '--format', 'html'],
  ['report', EXAMPLES, '--format', 'md', '--output', '@OUT/report.md'],
  ['report', EXAMPLES, '--format', 'text', '--profile', 'high'],
];

function run(args: string[], prefix: string[] = [], preload = true) {
  const out = mkdtempSync(join(tmpdir(), 'aia-net-'));
  const argv = args.map((a) => a.replace('@OUT', out));
  const node = [...(preload ? ['--require', DENY] : []), BIN, ...argv, '--fail-on', 'never'];
  const [cmd, ...rest] = prefix.length ? [...prefix, process.execPath, ...node] : [process.execPath, ...node];
  const r = spawnSync(cmd!, rest, {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, NODE_OPTIONS: preload ? `--require ${DENY}` : '' },
  });
  return { ...r, out };
}

/** The run's output without what differs between two runs of the same input (durations, the date, temp paths). */
function stable(text: string): string {
  return text
    .replace(/"durationMs": \d+/g, '')
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '')
    .replace(/aia-net-\w+/g, '');
}

describe('no network', () => {
  before(function () {
    if (!existsSync(BIN)) this.skip();
  });

  for (const args of RUNS) {
    it(`${args.filter((a) => a !== EXAMPLES).join(' ')}: runs to the end with every network API denied`, () => {
      const r = run(args);
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /NETWORK ATTEMPT/);
      assert.ok(r.stdout.length > 0 || existsSync(join(r.out, 'report.md')));
    });
  }

  it('the deny hook works: a fetch from a preloaded process is reported', () => {
    const r = spawnSync(process.execPath, ['--require', DENY, '-e', "fetch('https://example.com').catch(() => process.exit(3))"], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 3);
    assert.match(r.stderr, /NETWORK ATTEMPT: fetch https:\/\/example.com/);
  });

  it('in a network namespace with no interfaces the outputs are the same as outside', function () {
    if (spawnSync('unshare', ['-n', 'true']).status !== 0) this.skip(); // needs CAP_SYS_ADMIN (root in CI)
    for (const args of [RUNS[0]!, RUNS[4]!]) {
      const inside = run(args, ['unshare', '-n'], false);
      const outside = run(args, [], false);
      assert.equal(inside.status, 0, inside.stderr);
      assert.equal(stable(inside.stdout), stable(outside.stdout), `${args.join(' ')} differs inside the namespace`);
    }
    // And the namespace really has no network: a connection attempt from inside fails.
    const probe = spawnSync(
      'unshare',
      ['-n', process.execPath, '-e', "require('net').connect(80, '1.1.1.1').on('error', (e) => { console.log(e.code); process.exit(0); })"],
      { encoding: 'utf8' },
    );
    assert.match(probe.stdout, /ENETUNREACH|EHOSTUNREACH|ENETDOWN/);
  });
});
