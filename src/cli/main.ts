// The command line: argument parsing and output only; all analysis is core/analyze.
// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error.
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { analyze, atOrAbove, TOOL_NAME, TOOL_VERSION } from '../core/analyze';
import { loadConfigFile } from '../core/config';
import { RULE_IDS } from '../core/rules';
import { GPU_CATALOG, findGpu } from '../core/sizing/gpu-catalog';
import { toJsonReport } from '../core/report/json';
import { toSarif } from '../core/report/sarif';
import { toText } from '../core/report/text';

const USAGE = `Usage: ${TOOL_NAME} scan [paths...] [options]

Reads CUDA, OpenCL, C/C++ and Python GPU code statically and reports memory problems with their numbers.

Options:
  --format text|json|sarif     report format (default: text)
  --output FILE                write the report to FILE instead of standard output
  --config FILE                configuration file (default: ./ai-infra-advisor.config.json if present)
  --target-gpu ID              GPU to check against: ${GPU_CATALOG.map((g) => g.id).join(', ')}
  --fail-on error|warning|never  exit 1 when a finding is at or above this severity (default: error)
  --root DIR                   folder paths and report paths are relative to (default: current folder)
  --max-file-bytes N           skip files larger than N bytes (default: 2000000)
  --no-color                   plain text output
  -h, --help                   show this help
  -v, --version                print the version

Exit status: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage or configuration error.
`;

export class UsageError extends Error {}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  isTTY: boolean;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        config: { type: 'string' },
        'target-gpu': { type: 'string' },
        'fail-on': { type: 'string', default: 'error' },
        root: { type: 'string' },
        'max-file-bytes': { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    io.stderr(`${TOOL_NAME}: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  try {
    if (command !== 'scan') throw new UsageError(command ? `unknown command '${command}'` : 'missing command: scan');
    const format = values.format!;
    if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
    const failOn = values['fail-on']!;
    if (!['error', 'warning', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning or never, not '${failOn}'`);
    const root = resolve(io.cwd, values.root ?? '.');
    const loaded = loadConfigFile(root, RULE_IDS, values.config ? resolve(io.cwd, values.config) : undefined);
    if (loaded.fatal) {
      io.stderr(`${TOOL_NAME}: ${loaded.fatal}\n`);
      return 2;
    }
    if (values['target-gpu']) {
      const gpu = findGpu(values['target-gpu'], loaded.config.customGpu);
      if (!gpu) throw new UsageError(`unknown --target-gpu '${values['target-gpu']}': use one of ${GPU_CATALOG.map((g) => g.id).join(', ')}${loaded.config.customGpu ? ', custom' : ''}`);
      loaded.gpu = gpu;
      loaded.config.targetGpu = gpu.id;
    }
    if (values['max-file-bytes']) {
      const n = Number(values['max-file-bytes']);
      if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-file-bytes must be a positive integer, not '${values['max-file-bytes']}'`);
      loaded.config.maxFileBytes = n;
    }
    for (const p of loaded.problems) io.stderr(`${TOOL_NAME}: config ${p.field}: ${p.message}\n`);

    const scanPaths = paths.map((p) => resolve(io.cwd, p));
    const result = await analyze({ root, paths: scanPaths.length ? scanPaths : undefined, config: loaded });
    const missing = result.skipped.filter((s) => s.reason === 'no such file or folder');
    if (missing.length && missing.length === scanPaths.length) throw new UsageError(`nothing to scan: ${missing.map((m) => m.path).join(', ')} not found`);

    const report = format === 'json' ? `${JSON.stringify(toJsonReport(result), null, 2)}\n`
      : format === 'sarif' ? `${JSON.stringify(toSarif(result), null, 2)}\n`
      : toText(result, { color: !values['no-color'] && !values.output && io.isTTY });
    if (values.output) {
      const out = resolve(io.cwd, values.output);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, report);
      io.stderr(`${TOOL_NAME}: wrote ${format} report to ${values.output} (${result.findings.length} findings)\n`);
    } else {
      io.stdout(report);
    }
    return atOrAbove(result.findings, failOn as 'error' | 'warning' | 'never').length > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${TOOL_NAME}: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`${TOOL_NAME}: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 2;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
  }).then((code) => {
    process.exitCode = code;
  });
}
