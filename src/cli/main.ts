// The command line: argument parsing and output only; all analysis is core/analyze.
// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it or a file not analysed, 2 usage or
// configuration error.
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { analyseFile, analyze, atOrAbove, notAnalysed, TOOL_NAME, TOOL_VERSION, type AnalysisResult } from '../core/analyze';
import { serveScanWorker } from '../core/scan-pool';
import { serveScanThread } from '../core/scan-thread';
import { loadConfigFile, problemsIn } from '../core/config';
import { RULE_IDS } from '../core/rules';
import { GPU_CATALOG, findGpu } from '../core/sizing/gpu-catalog';
import { jsonText, toJsonReport } from '../core/report/json';
import { toSarif } from '../core/report/sarif';
import { toText } from '../core/report/text';
// Config and workload problems quote the files' values: keys masked, control characters shown (a terminal).
import { escapeTerminal } from '../core/report/control-chars';
import { buildSizingReport } from '../core/report/sizing-model';
import { toMarkdown } from '../core/report/markdown';
import { toHtml } from '../core/report/html';
import { toSizingText } from '../core/report/sizing-text';
import { chartToSvg } from '../core/report/chart-svg';
import { loadWorkloadFile } from '../core/sizing/workload';
import { PROFILE_NAMES, type ProfileName } from '../core/sizing/profiles';
import { BASELINE_FILE_NAME, baselineText, createBaseline, loadBaseline, splitByBaseline } from '../core/baseline';
import { diskText } from '../core/report/sarif';
import { runDiffCommand } from './diff-command';
import { isLang } from '../core/l10n';

const USAGE = `Usage: ${TOOL_NAME} scan [paths...] [options]
       ${TOOL_NAME} report [paths...] [options]
       ${TOOL_NAME} baseline [paths...] [--output FILE]
       ${TOOL_NAME} diff [BASE[..HEAD]] [options]
       ${TOOL_NAME} lsp --stdio
       ${TOOL_NAME} mcp [--root DIR]

scan    reads CUDA, OpenCL, C/C++, Python GPU code and LLM API code (OpenAI, Anthropic, Google GenAI, AWS Bedrock,
        LiteLLM, LangChain, the AI SDK) statically and reports problems with their numbers.
lsp     starts the language server on stdin/stdout (diagnostics, quick fixes, hover, CodeLens) for any LSP editor.
mcp     starts a Model Context Protocol server on stdin/stdout for coding agents (tools scan, sizing_report,
        explain_finding, diff), confined to the root (default: the current folder).
baseline  writes the current findings (stable fingerprints, not line numbers) to ${BASELINE_FILE_NAME}; scan
        then reports only findings not in it.
diff    what a change costs: call sites, $/month, GPU peak memory, database nodes and new findings between BASE (default:
        the merge base with the default branch) and HEAD (default: the working tree), read from git.
report  sizes the infrastructure for it: GPU fit and chunk plans, database topology per engine, monthly cost,
        growth with traffic and months, and a recommendation.

Options:
  --format FORMAT              scan: text|json|sarif (default text); report: html|md|json|text (default text);
                               diff: text|json|md (default text; md is a pull-request comment)
  --profile low|medium|high    report: usage profile the assumptions start from (default: the workload file's, else medium)
  --workload FILE              report: workload assumptions (default: ai-infra-advisor.workload.json in . or in a scanned folder)
  --output FILE                write the report to FILE instead of standard output
  --config FILE                configuration file (default: ./ai-infra-advisor.config.json if present)
  --target-gpu ID              GPU to check against: ${GPU_CATALOG.map((g) => g.id).join(', ')}
  --fail-on error|warning|never  exit 1 when a finding is at or above this severity (default: error)
  --no-fail-on-skipped         do not exit 1 for files that could not be analysed (a parser failure, the time budget,
                               an unreadable file or name); by default they fail the run, as a finding would
  --file-timeout SECONDS       per-file analysis time budget (default: 10; config analysisTimeoutSeconds)
  --root DIR                   folder paths and report paths are relative to (default: current folder)
  --max-file-bytes N           skip files larger than N bytes (default: 2000000)
  --jobs N                     worker threads for the files (default 1: none; 0: one per core, at most 4)
  --lang en|ko                 language of rule messages, the sizing report and the diff (default: en; ko = Korean)
  --baseline FILE              scan: the baseline to read (default: ${BASELINE_FILE_NAME} in the root when present)
  --no-baseline                scan: report every finding, baselined or not
  --omit-baselined             scan --format sarif: leave baselined results out (default: marked baselineState "unchanged")
  --budget USD                 diff: exit 1 when the monthly cost increase exceeds USD
  --no-color                   plain text output
  -h, --help                   show this help
  -v, --version                print the version

Exit status: 0 no finding at or above --fail-on and every file analysed, 1 findings at or above it or a file not
analysed (unless --no-fail-on-skipped), 2 usage or configuration error.
`;

export class UsageError extends Error {}

function relativeOr(root: string, path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** 1 when a finding is at or above --fail-on, or (unless --no-fail-on-skipped) a file could not be analysed. */
function exitCode(result: AnalysisResult, failOn: string, failOnSkipped: boolean): number {
  if (atOrAbove(result.findings, failOn as 'error' | 'warning' | 'never').length > 0) return 1;
  return failOnSkipped && notAnalysed(result).length > 0 ? 1 : 0;
}

function startLanguageServer(): void {
  // Loaded here so `scan` and `report` never pay for the LSP libraries.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createConnection, ProposedFeatures } = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require('../server/server') as typeof import('../server/server');
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
}

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
        format: { type: 'string' },
        output: { type: 'string' },
        config: { type: 'string' },
        profile: { type: 'string' },
        workload: { type: 'string' },
        'target-gpu': { type: 'string' },
        'fail-on': { type: 'string', default: 'error' },
        'fail-on-skipped': { type: 'boolean' },
        'no-fail-on-skipped': { type: 'boolean' },
        'file-timeout': { type: 'string' },
        root: { type: 'string' },
        'max-file-bytes': { type: 'string' },
        jobs: { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        stdio: { type: 'boolean', default: false },
        lang: { type: 'string' },
        baseline: { type: 'string' },
        'no-baseline': { type: 'boolean', default: false },
        'omit-baselined': { type: 'boolean', default: false },
        budget: { type: 'string' },
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
  if (command === 'lsp') {
    // The language server speaks LSP on stdin/stdout; nothing else may write to stdout.
    if (!values.stdio && !argv.includes('--stdio')) {
      io.stderr(`${TOOL_NAME}: lsp needs --stdio\n`);
      return 2;
    }
    startLanguageServer();
    return new Promise<number>(() => undefined); // runs until the client sends exit
  }
  if (command === 'mcp') {
    // The MCP server for coding agents, on stdin/stdout, confined to the root; loaded here so `scan` never pays for the SDK.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startMcpServer } = require('../mcp/server') as typeof import('../mcp/server');
    const problem = await startMcpServer(resolve(io.cwd, values.root ?? '.'));
    if (problem) {
      io.stderr(`${TOOL_NAME}: mcp: ${escapeTerminal(problem)}\n`);
      return 2;
    }
    return new Promise<number>(() => undefined); // runs until stdin closes
  }
  try {
    if (command === 'diff') return await runDiffCommand(paths, values, io);
    if (command !== 'scan' && command !== 'report' && command !== 'baseline')
      throw new UsageError(command ? `unknown command '${command}'` : 'missing command: scan, report, baseline or diff');
    if (command !== 'scan' && (values.baseline !== undefined || values['no-baseline'] || values['omit-baselined']))
      throw new UsageError('--baseline, --no-baseline and --omit-baselined apply to the scan command');
    if (values.budget !== undefined) throw new UsageError('--budget applies to the diff command');
    const format = values.format ?? (command === 'baseline' ? 'json' : 'text');
    const formats = command === 'scan' ? ['text', 'json', 'sarif'] : command === 'baseline' ? ['json'] : ['html', 'md', 'json', 'text'];
    if (!formats.includes(format))
      throw new UsageError(`--format for ${command} must be ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}, not '${format}'`);
    if (values.profile !== undefined && !PROFILE_NAMES.includes(values.profile as ProfileName))
      throw new UsageError(`--profile must be low, medium or high, not '${values.profile}'`);
    if (command === 'scan' && (values.profile !== undefined || values.workload !== undefined))
      throw new UsageError('--profile and --workload apply to the report command');
    const failOn = values['fail-on']!;
    if (!['error', 'warning', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning or never, not '${failOn}'`);
    const root = resolve(io.cwd, values.root ?? '.');
    const loaded = loadConfigFile(root, RULE_IDS, values.config ? resolve(io.cwd, values.config) : undefined);
    if (loaded.fatal) {
      io.stderr(`${TOOL_NAME}: ${escapeTerminal(loaded.fatal)}\n`);
      return 2;
    }
    if (values['target-gpu']) {
      const gpu = findGpu(values['target-gpu'], loaded.config.customGpu);
      if (!gpu)
        throw new UsageError(
          `unknown --target-gpu '${values['target-gpu']}': use one of ${GPU_CATALOG.map((g) => g.id).join(', ')}${loaded.config.customGpu ? ', custom' : ''}`,
        );
      loaded.gpu = gpu;
      loaded.config.targetGpu = gpu.id;
    }
    if (values['max-file-bytes']) {
      const n = Number(values['max-file-bytes']);
      if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-file-bytes must be a positive integer, not '${values['max-file-bytes']}'`);
      loaded.config.maxFileBytes = n;
    }
    if (values['file-timeout'] !== undefined) {
      const n = Number(values['file-timeout']);
      if (!Number.isFinite(n) || n <= 0 || n > 3600)
        throw new UsageError(`--file-timeout must be a number of seconds above 0 and at most 3600, not '${values['file-timeout']}'`);
      loaded.config.analysisTimeoutSeconds = n;
    }
    if (values['fail-on-skipped'] && values['no-fail-on-skipped'])
      throw new UsageError('--fail-on-skipped and --no-fail-on-skipped contradict each other');
    // Default on: a file that could not be analysed may hide any finding, so a gate must not pass over it silently.
    const failOnSkipped = !values['no-fail-on-skipped'];
    if (values.lang !== undefined) {
      if (!isLang(values.lang)) throw new UsageError(`--lang must be en or ko, not '${values.lang}'`);
      loaded.config.lang = values.lang;
    }
    for (const p of problemsIn(loaded.problems, loaded.config.lang))
      io.stderr(`${TOOL_NAME}: config ${escapeTerminal(p.field)}: ${escapeTerminal(p.message)}\n`);

    const scanPaths = paths.map((p) => resolve(io.cwd, p));
    // One thread by default: on 2 cores the bench measured workers slower and twice the memory (bench/results.md).
    let workers = 1;
    if (values.jobs !== undefined) {
      workers = Number(values.jobs);
      if (!Number.isInteger(workers) || workers < 0 || workers > 64)
        throw new UsageError(`--jobs must be an integer from 0 to 64, not '${values.jobs}'`);
    }
    const result = await analyze({ root, paths: scanPaths.length ? scanPaths : undefined, config: loaded, workers });
    const missing = result.skipped.filter((s) => s.reason === 'no such file or folder');
    if (missing.length && missing.length === scanPaths.length)
      throw new UsageError(`nothing to scan: ${missing.map((m) => m.path).join(', ')} not found`);

    if (command === 'baseline') {
      const baseline = createBaseline(result.findings, { textOf: diskText(root) });
      const out = resolve(io.cwd, values.output ?? join(root, BASELINE_FILE_NAME));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, baselineText(baseline));
      io.stderr(`${TOOL_NAME}: wrote ${baseline.findings.length} finding${baseline.findings.length === 1 ? '' : 's'} to ${out}\n`);
      const failed = notAnalysed(result);
      // A file that was not analysed has no findings in the baseline: they would all be "new" on the next scan.
      if (failed.length)
        io.stderr(
          `${TOOL_NAME}: ${failed.length} file${failed.length === 1 ? '' : 's'} not analysed, so not in the baseline: ${failed
            .slice(0, 5)
            .map((s) => s.path)
            .join(', ')}\n`,
        );
      return failOnSkipped && failed.length ? 1 : 0;
    }

    if (command === 'report') {
      const workload = loadWorkloadFile(root, {
        path: values.workload ? resolve(io.cwd, values.workload) : undefined,
        profile: values.profile as ProfileName | undefined,
        scanned: scanPaths,
      });
      if (workload.fatal) {
        io.stderr(`${TOOL_NAME}: ${escapeTerminal(workload.fatal)}\n`);
        return 2;
      }
      for (const p of problemsIn(workload.problems, loaded.config.lang))
        io.stderr(`${TOOL_NAME}: workload ${escapeTerminal(p.field)}: ${escapeTerminal(p.message)}\n`);
      const sizing = buildSizingReport(result, workload);
      const out = values.output ? resolve(io.cwd, values.output) : null;
      let text: string;
      const assets: Array<{ name: string; content: string }> = [];
      if (format === 'json') text = jsonText(sizing);
      else if (format === 'html') text = toHtml(sizing, { lang: loaded.config.lang });
      else if (format === 'md') {
        // Charts as SVG files next to the Markdown (pull requests render images, not scripts).
        const chartDir = out ? `${basename(out).replace(/\.[^.]*$/, '')}.charts` : undefined;
        const md = toMarkdown(sizing, { chartDir, svgFor: chartToSvg, lang: loaded.config.lang });
        text = md.markdown;
        assets.push(...md.assets);
      } else text = toSizingText(sizing, { detail: true, lang: loaded.config.lang });
      if (out) {
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, text);
        for (const a of assets) {
          const path = join(dirname(out), a.name);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, a.content);
        }
        io.stderr(`${TOOL_NAME}: wrote ${format} sizing report to ${values.output}${assets.length ? ` (+ ${assets.length} chart SVGs)` : ''}\n`);
      } else io.stdout(text);
      return exitCode(result, failOn, failOnSkipped);
    }

    // The baseline: only findings not in it are reported and gate the run; SARIF marks them instead (baselineState).
    const baseline = values['no-baseline'] ? null : loadBaseline(root, values.baseline ? resolve(io.cwd, values.baseline) : undefined);
    if (values['no-baseline'] && values.baseline !== undefined) throw new UsageError('--baseline and --no-baseline contradict each other');
    if (baseline && 'error' in baseline) {
      io.stderr(`${TOOL_NAME}: ${escapeTerminal(baseline.error)}\n`);
      return 2;
    }
    let hidden = 0;
    let fresh = result.findings;
    if (baseline) {
      // Fingerprints over the whole list: the occurrence index of identical findings depends on all of them.
      const split = splitByBaseline(result.findings, baseline.fingerprints, { textOf: diskText(root) });
      hidden = split.baselined.length;
      fresh = split.fresh;
    }
    const shown = { ...result, findings: fresh };
    const hiddenNote = baseline ? `${hidden} baselined finding${hidden === 1 ? '' : 's'} hidden (${relativeOr(root, baseline.source)})` : '';
    const report =
      format === 'json'
        ? jsonText(toJsonReport(shown))
        : format === 'sarif'
          ? jsonText(toSarif(result, baseline ? { baseline: baseline.fingerprints, omitBaselined: values['omit-baselined'] } : {}))
          : `${toText(shown, { color: !values['no-color'] && !values.output && io.isTTY })}${hiddenNote ? `${hiddenNote}\n` : ''}`;
    if (hiddenNote && format !== 'text') io.stderr(`${TOOL_NAME}: ${hiddenNote}\n`);
    if (values.output) {
      const out = resolve(io.cwd, values.output);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, report);
      io.stderr(`${TOOL_NAME}: wrote ${format} report to ${values.output} (${fresh.length} findings)\n`);
    } else {
      io.stdout(report);
    }
    const failed = notAnalysed(result);
    if (failed.length && (values.output || format !== 'text'))
      io.stderr(
        `${TOOL_NAME}: ${failed.length} file${failed.length === 1 ? '' : 's'} not analysed: ${failed
          .slice(0, 5)
          .map((s) => `${s.path} (${s.reason})`)
          .join('; ')}${failed.length > 5 ? `; and ${failed.length - 5} more` : ''}\n`,
      );
    return exitCode(shown, failOn, failOnSkipped);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${TOOL_NAME}: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`${TOOL_NAME}: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 2;
  }
}

// Scan workers and the language server's scan thread (`lsp`) run this same bundle (scan-pool.ts, scan-thread.ts): in
// one, serve files or scans instead of running the CLI.
if (!serveScanWorker(analyseFile) && !serveScanThread(analyze) && require.main === module) {
  // Batch runs compile tree-sitter's WASM with TurboFan only. The C++ grammar is 5.4 MB, mostly one huge lexer and
  // parser; V8's default compiles it twice (Liftoff, then TurboFan for the hot functions), and the two tiers cost
  // ~50 MB of peak RSS for the same scan speed (bench/results.md, section 5). The language server keeps the default:
  // there Liftoff halves the first analysis after start-up (~200 vs ~400 ms), which the user waits for.
  setFlagsFromString('--no-liftoff');
  // `ai-infra-advisor scan . | head`: the reader went away; stop quietly instead of an unhandled EPIPE trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
  }).then((code) => {
    process.exitCode = code;
  });
}
