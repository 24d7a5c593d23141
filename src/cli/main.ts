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
import { isLang, type Lang } from '../core/l10n';
import { cliText } from './cli-messages';

/** The usage text in a language. */
function usage(lang: Lang): string {
  return cliText(lang, 'usage', { tool: TOOL_NAME, baselineFile: BASELINE_FILE_NAME, gpus: GPU_CATALOG.map((g) => g.id).join(', ') });
}

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
    // The language of a command line that could not be parsed: its --lang, when that much is readable.
    const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
    const raw = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.slice('--lang='.length) : argv[at + 1];
    const early: Lang = raw !== undefined && isLang(raw) ? raw : 'en';
    io.stderr(`${TOOL_NAME}: ${cliText(early, 'badArguments', { detail: (err as Error).message })}\n\n${usage(early)}`);
    return 2;
  }
  const { values, positionals } = parsed;
  // Usage errors and status lines speak --lang (a bad --lang is itself an error, in English).
  let lang: Lang = values.lang !== undefined && isLang(values.lang) ? values.lang : 'en';
  if (values.help) {
    io.stdout(usage(lang));
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
      io.stderr(`${TOOL_NAME}: ${cliText(lang, 'lspNeedsStdio')}\n`);
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
      throw new UsageError(command ? cliText(lang, 'unknownCommand', { command }) : cliText(lang, 'missingCommand'));
    if (command !== 'scan' && (values.baseline !== undefined || values['no-baseline'] || values['omit-baselined']))
      throw new UsageError(cliText(lang, 'baselineOptionsScanOnly'));
    if (values.budget !== undefined) throw new UsageError(cliText(lang, 'budgetDiffOnly'));
    const format = values.format ?? (command === 'baseline' ? 'json' : 'text');
    const formats = command === 'scan' ? ['text', 'json', 'sarif'] : command === 'baseline' ? ['json'] : ['html', 'md', 'json', 'text'];
    if (!formats.includes(format)) throw new UsageError(cliText(lang, 'formatChoices', { command, choices: formats.join(','), format }));
    if (values.profile !== undefined && !PROFILE_NAMES.includes(values.profile as ProfileName))
      throw new UsageError(cliText(lang, 'profileChoices', { value: values.profile }));
    if (command === 'scan' && (values.profile !== undefined || values.workload !== undefined))
      throw new UsageError(cliText(lang, 'profileReportOnly'));
    const failOn = values['fail-on']!;
    if (!['error', 'warning', 'never'].includes(failOn)) throw new UsageError(cliText(lang, 'failOnChoices', { value: failOn }));
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
          cliText(lang, 'unknownGpu', {
            value: values['target-gpu'],
            ids: `${GPU_CATALOG.map((g) => g.id).join(', ')}${loaded.config.customGpu ? ', custom' : ''}`,
          }),
        );
      loaded.gpu = gpu;
      loaded.config.targetGpu = gpu.id;
    }
    if (values['max-file-bytes']) {
      const n = Number(values['max-file-bytes']);
      if (!Number.isInteger(n) || n <= 0) throw new UsageError(cliText(lang, 'maxFileBytes', { value: values['max-file-bytes'] }));
      loaded.config.maxFileBytes = n;
    }
    if (values['file-timeout'] !== undefined) {
      const n = Number(values['file-timeout']);
      if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new UsageError(cliText(lang, 'fileTimeout', { value: values['file-timeout'] }));
      loaded.config.analysisTimeoutSeconds = n;
    }
    if (values['fail-on-skipped'] && values['no-fail-on-skipped']) throw new UsageError(cliText(lang, 'skippedContradict'));
    // Default on: a file that could not be analysed may hide any finding, so a gate must not pass over it silently.
    const failOnSkipped = !values['no-fail-on-skipped'];
    if (values.lang !== undefined) {
      if (!isLang(values.lang)) throw new UsageError(cliText(lang, 'langChoices', { value: values.lang }));
      loaded.config.lang = values.lang;
    }
    // From here on the configuration's language (its `lang`, or --lang over it), as the reports use.
    lang = loaded.config.lang;
    for (const p of problemsIn(loaded.problems, loaded.config.lang))
      io.stderr(`${TOOL_NAME}: ${cliText(lang, 'configProblem', { field: escapeTerminal(p.field), message: escapeTerminal(p.message) })}\n`);

    const scanPaths = paths.map((p) => resolve(io.cwd, p));
    // One thread by default: on 2 cores the bench measured workers slower and twice the memory (bench/results.md).
    let workers = 1;
    if (values.jobs !== undefined) {
      workers = Number(values.jobs);
      if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError(cliText(lang, 'jobs', { value: values.jobs }));
    }
    const result = await analyze({ root, paths: scanPaths.length ? scanPaths : undefined, config: loaded, workers });
    const missing = result.skipped.filter((s) => s.reason === 'no such file or folder');
    if (missing.length && missing.length === scanPaths.length)
      throw new UsageError(cliText(lang, 'nothingToScan', { paths: missing.map((m) => m.path).join(', ') }));

    if (command === 'baseline') {
      const baseline = createBaseline(result.findings, { textOf: diskText(root) });
      const out = resolve(io.cwd, values.output ?? join(root, BASELINE_FILE_NAME));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, baselineText(baseline));
      io.stderr(`${TOOL_NAME}: ${cliText(lang, 'wroteBaseline', { count: baseline.findings.length, path: out })}\n`);
      const failed = notAnalysed(result);
      // A file that was not analysed has no findings in the baseline: they would all be "new" on the next scan.
      if (failed.length)
        io.stderr(
          `${TOOL_NAME}: ${cliText(lang, 'notInBaseline', {
            count: failed.length,
            paths: failed
              .slice(0, 5)
              .map((s) => s.path)
              .join(', '),
          })}\n`,
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
        io.stderr(`${TOOL_NAME}: ${cliText(lang, 'workloadProblem', { field: escapeTerminal(p.field), message: escapeTerminal(p.message) })}\n`);
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
        io.stderr(`${TOOL_NAME}: ${cliText(lang, 'wroteSizing', { format, path: values.output!, charts: assets.length })}\n`);
      } else io.stdout(text);
      return exitCode(result, failOn, failOnSkipped);
    }

    // The baseline: only findings not in it are reported and gate the run; SARIF marks them instead (baselineState).
    const baseline = values['no-baseline'] ? null : loadBaseline(root, values.baseline ? resolve(io.cwd, values.baseline) : undefined);
    if (values['no-baseline'] && values.baseline !== undefined) throw new UsageError(cliText(lang, 'baselineContradict'));
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
    const hiddenNote = baseline ? cliText(lang, 'baselinedHidden', { count: hidden, source: relativeOr(root, baseline.source) }) : '';
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
      io.stderr(`${TOOL_NAME}: ${cliText(lang, 'wroteReport', { format, path: values.output, count: fresh.length })}\n`);
    } else {
      io.stdout(report);
    }
    const failed = notAnalysed(result);
    if (failed.length && (values.output || format !== 'text'))
      io.stderr(
        `${TOOL_NAME}: ${cliText(lang, 'notAnalysed', {
          count: failed.length,
          list: failed
            .slice(0, 5)
            .map((s) => `${s.path} (${s.reason})`)
            .join('; '),
          more: Math.max(0, failed.length - 5),
        })}\n`,
      );
    return exitCode(shown, failOn, failOnSkipped);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${TOOL_NAME}: ${err.message}\n\n${usage(lang)}`);
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
