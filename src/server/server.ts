// The language server: LSP handlers over the core. Documents are analysed once per version, changes are debounced,
// results are published as diagnostics and reused by code actions, hover and CodeLens; the sizing report is a custom
// request. Nothing here uses the VS Code API, so any LSP client (Neovim, Helix, the tests) gets the same behaviour.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  DiagnosticSeverity,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  WorkDoneProgress,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type FileAnalysis } from '../core/analyze';
import { ScanThread } from '../core/scan-thread';
import { loadConfigFile, MAX_SETTINGS_DEPTH, problemText, valueDepth, type ConfigProblem, type LoadedConfig } from '../core/config';
import { validateSettings } from './settings';
import { detectLanguage } from '../core/files/discover';
import type { Finding, Language } from '../core/model/types';
import { buildSizingReport } from '../core/report/sizing-model';
import { RULE_IDS } from '../core/rules';
import { findGpu } from '../core/sizing/gpu-catalog';
import { loadWorkloadFile, resolveWorkload } from '../core/sizing/workload';
import { buildCharts } from '../core/report/charts';
import { headline, sizingSections } from '../core/report/sizing-sections';
import { toMarkdown } from '../core/report/markdown';
import { toHtml } from '../core/report/html';
import { assumptionLabels, pageStrings } from '../core/report/report-strings';
import { initTreeSitter } from '../core/parse/tree-sitter';
import { DocumentCache } from '../core/document-cache';
import { FIX_ALL_KIND, fixAllAction, wantsFixAll, wantsQuickFixes } from './fix-all';
import { Project } from '../core/project/project';
import { DiskFs } from '../core/project/project-fs';
import { codeActionsFor, codeLenses, findingKey, hoverAt, toDiagnostic } from './lsp-mapping';
import { lspText } from './lsp-strings';
import {
  checkSizingReportParams,
  DEFAULT_SETTINGS,
  SETTINGS_SECTION,
  SIZING_REPORT_REQUEST,
  type ScanProgressReport,
  type ServerSettings,
  type SizingReportResult,
} from './protocol';
import { redactDeep, redactSecrets } from '../core/model/redact';
import { lookupTable } from '../core/model/lookup';
import { applyBaseline, BaselineCache, splitByBaseline } from '../core/baseline';
import { diskText } from '../core/report/sarif';
import { statSync } from 'node:fs';
import { langOf, type Lang } from '../core/l10n';

/** VS Code language ids we analyse, for documents whose file name does not say (untitled, virtual). */
const LANGUAGE_IDS: Readonly<Record<string, Language>> = lookupTable({
  'cuda-cpp': 'cuda',
  cuda: 'cuda',
  cpp: 'cpp',
  c: 'c',
  opencl: 'opencl-c',
  python: 'python',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'typescript',
});

const DEBOUNCE_MS = 200;

interface Analysed {
  version: number;
  analysis: FileAnalysis;
  language: Language;
  loaded: LoadedConfig;
  /** The settings the analysis ran with; a settings change clears the cache, so these stay current. */
  settings: ServerSettings;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analysed = new Map<string, Analysed>();
  // The workspace baseline, read again when the file changes on disk; a bad one is named once and ignored.
  const baselines = new BaselineCache(
    (message) => reportProblem('config', { field: 'ai-infra-advisor.baseline.json', message }),
    (p) => {
      try {
        const st = statSync(p);
        return { mtimeMs: st.mtimeMs, size: st.size };
      } catch {
        return null;
      }
    },
  );
  const running = new Map<string, Promise<Analysed | null>>();
  /** The last syntax tree of each open C-family/Python document, for incremental re-parsing. */
  const trees = new DocumentCache();
  const timers = new Map<string, NodeJS.Timeout>();
  /**
   * The project model: one per workspace root, reading open documents before the disk. Each open document's analysis
   * records the project files it used; a change to one of them re-analyses it.
   */
  const projectFs = new DiskFs();
  const projects = new Map<string, Project>();
  const dependsOn = new Map<string, string[]>();
  let roots: string[] = [];
  let canConfigure = false;
  let canRefreshLenses = false;
  let lang: Lang = 'en';
  /** Workspace scans run on these threads; two requests at once (the report panel and the sidebar) get one each. */
  const scanThreads: ScanThread[] = [];
  const idleScanThread = (): ScanThread => {
    let t = scanThreads.find((x) => !x.busy);
    if (!t) scanThreads.push((t = new ScanThread()));
    return t;
  };
  connection.onShutdown(() => {
    for (const t of scanThreads) t.kill();
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
    if (!roots.length && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) roots = [p];
    }
    canConfigure = !!params.capabilities.workspace?.configuration;
    canRefreshLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    // Rule messages follow the editor's display language (VS Code sends its locale).
    lang = langOf(params.locale);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'ai-infra-advisor' },
    };
  });

  async function settingsFor(uri: string): Promise<ServerSettings> {
    if (!canConfigure) return { ...DEFAULT_SETTINGS };
    try {
      return validSettings(await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }));
    } catch (err) {
      // Named, not silent: the defaults are used because the client's answer could not be read.
      reportProblem('setting', {
        field: SETTINGS_SECTION,
        message: `the settings could not be read (${(err as Error).message.slice(0, 200)}); using the defaults`,
      });
      return { ...DEFAULT_SETTINGS };
    }
  }

  /**
   * Bad settings and configuration values are named once each: in the log, and in a warning the user sees (the
   * settings are read again for every analysis, and the same message every keystroke would be noise).
   */
  const shownProblems = new Set<string>();
  function reportProblem(where: 'setting' | 'config', p: ConfigProblem): void {
    const line = lspText(lang, where === 'setting' ? 'problem.setting' : 'problem.config', { field: p.field, problem: problemText(p, lang) });
    if (shownProblems.has(line)) return;
    shownProblems.add(line);
    connection.console.warn(redactSecrets(line));
    void connection.window.showWarningMessage(`AI Infra Advisor: ${line}`);
  }

  function validSettings(raw: unknown): ServerSettings {
    const { settings, problems } = validateSettings(raw);
    for (const p of problems) reportProblem('setting', p);
    return settings;
  }

  function rootOf(path: string): string {
    return roots.filter((r) => !relative(r, path).startsWith('..')).sort((a, b) => b.length - a.length)[0] ?? dirname(path);
  }

  async function configFor(uri: string, path: string | null): Promise<{ loaded: LoadedConfig; settings: ServerSettings }> {
    const settings = await settingsFor(uri);
    const loaded = loadConfigFile(path ? rootOf(path) : (roots[0] ?? process.cwd()), RULE_IDS);
    for (const p of loaded.problems) reportProblem('config', p);
    const gpu = findGpu(settings.targetGpu, loaded.config.customGpu);
    if (gpu && settings.targetGpu !== DEFAULT_SETTINGS.targetGpu) loaded.gpu = gpu;
    loaded.config.rules = { ...loaded.config.rules, ...(settings.rules as LoadedConfig['config']['rules']) };
    loaded.config.maxFileBytes = settings.maxFileBytes;
    loaded.config.lang = lang;
    if (settings.include) loaded.config.include = settings.include;
    if (settings.exclude) loaded.config.exclude = [...loaded.config.exclude, ...settings.exclude];
    return { loaded, settings };
  }

  async function analyse(doc: TextDocument): Promise<Analysed | null> {
    const cached = analysed.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const inFlight = running.get(doc.uri);
    if (inFlight) {
      const r = await inFlight;
      if (r && r.version === doc.version) return r;
    }
    const work = (async (): Promise<Analysed | null> => {
      const path = uriToPath(doc.uri);
      const language = (path ? detectLanguage(path) : undefined) ?? LANGUAGE_IDS[doc.languageId];
      if (!language) return null;
      const { loaded, settings } = await configFor(doc.uri, path);
      const text = doc.getText();
      const version = doc.version;
      const shown = path ? relativeForReport(path) : doc.uri;
      let analysis: FileAnalysis;
      if (Buffer.byteLength(text) > loaded.config.maxFileBytes) {
        analysis = {
          entry: { path: shown, language, skipped: `larger than ${loaded.config.maxFileBytes} bytes` },
          findings: [],
          facts: null,
          gpu: null,
          llmFacts: null,
          llm: null,
        };
      } else {
        await initTreeSitter();
        // Files on disk may have changed since the last analysis; summaries are kept by content hash all the same.
        const project = path ? projectFor(path) : undefined;
        project?.refresh();
        // The document's last tree is re-parsed incrementally: only the edited region is parsed again.
        analysis = await analyzeText(
          shown,
          text,
          language,
          loaded,
          { cache: trees, key: doc.uri },
          path ? { absolutePath: path, root: rootOf(path) } : undefined,
          project,
        );
      }
      dependsOn.set(doc.uri, analysis.dependsOn ?? []);
      if (analysis.entry.skipped) connection.console.log(redactSecrets(`${shown}: ${analysis.entry.skipped}`));
      const result: Analysed = { version, analysis, language, loaded, settings };
      analysed.set(doc.uri, result);
      return result;
    })();
    running.set(doc.uri, work);
    try {
      return await work;
    } catch (err) {
      // An analyzer bug must not take the server down: log it, show nothing for this document.
      connection.console.error(redactSecrets(`analysis of ${doc.uri} failed: ${(err as Error).stack ?? String(err)}`));
      return null;
    } finally {
      if (running.get(doc.uri) === work) running.delete(doc.uri);
    }
  }

  function projectFor(path: string): Project {
    const root = rootOf(path);
    let p = projects.get(root);
    if (!p) projects.set(root, (p = new Project(root, projectFs)));
    return p;
  }

  /** An open document changed (or closed): the open documents whose analysis used it are analysed again. */
  function dependantsChanged(doc: TextDocument, text: string | null): void {
    const path = uriToPath(doc.uri);
    if (!path) return;
    const before = projectFs.read(path);
    projectFs.setOverride(path, text);
    // Opening a file, or closing it unchanged, changes nothing its dependants read.
    if ((text ?? projectFs.read(path)) === before) return;
    for (const [uri, deps] of dependsOn) {
      if (uri === doc.uri || !deps.includes(path)) continue;
      analysed.delete(uri);
      const other = documents.get(uri);
      if (other) schedule(other, DEBOUNCE_MS);
    }
  }

  function relativeForReport(path: string): string {
    const root = rootOf(path);
    const rel = relative(root, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
  }

  /** The findings with the workspace baseline applied (setting aiInfraAdvisor.baseline; default: hide). */
  function shownFindings(a: Analysed, doc: TextDocument): Finding[] {
    const path = uriToPath(doc.uri);
    const mode = a.settings.baseline ?? 'hide';
    if (!path || mode === 'off') return a.analysis.findings;
    const root = rootOf(path);
    const text = doc.getText();
    return applyBaseline(a.analysis.findings, baselines.get(root), mode, { textOf: (p) => (p === a.analysis.entry.path ? text : null) });
  }

  async function publish(doc: TextDocument): Promise<void> {
    const a = await analyse(doc);
    const current = documents.get(doc.uri);
    if (!current || current.version !== doc.version) return; // a newer version is on its way
    const diagnostics = a ? shownFindings(a, doc).map((f) => toDiagnostic(f, doc.uri)) : [];
    // Problems in the file's own directives (an unknown rule id in a suppression comment) are shown where they are.
    for (const w of a?.analysis.entry.warnings ?? []) {
      const line = Math.max(0, Number(/^line (\d+): /.exec(w)?.[1] ?? 1) - 1);
      diagnostics.push({
        range: { start: { line, character: 0 }, end: { line, character: 2 ** 31 - 1 } },
        severity: DiagnosticSeverity.Warning,
        source: 'ai-infra-advisor',
        message: w.replace(/^line \d+: /, ''),
      });
    }
    await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  function schedule(doc: TextDocument, delay: number): void {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) void publish(current);
      }, delay),
    );
  }

  documents.onDidOpen((e) => {
    const path = uriToPath(e.document.uri);
    if (path) projectFs.setOverride(path, e.document.getText());
    schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    dependantsChanged(e.document, e.document.getText());
    schedule(e.document, DEBOUNCE_MS);
  });
  documents.onDidSave((e) => schedule(e.document, 0));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    analysed.delete(e.document.uri);
    trees.delete(e.document.uri);
    dependsOn.delete(e.document.uri);
    // Its dependants now read the file on disk (the editor's unsaved text is gone).
    dependantsChanged(e.document, null);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    // A setting fixed and then broken again is named again.
    shownProblems.clear();
    analysed.clear();
    for (const doc of documents.all()) schedule(doc, 0);
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const a = await analyse(doc);
    if (!a) return [];
    const only = params.context.only;
    const fixAll = wantsFixAll(only) ? fixAllAction(a.analysis.findings, doc, lspText(lang, 'fixAll')) : null;
    if (!wantsQuickFixes(only)) return fixAll ? [fixAll] : [];
    const byKey = new Map(a.analysis.findings.map((f) => [findingKey(f), f]));
    return [
      ...(fixAll ? [fixAll] : []),
      ...params.context.diagnostics.flatMap((d) => {
        const key = (d.data as { key?: string } | undefined)?.key;
        const f = key ? byKey.get(key) : undefined;
        return f ? codeActionsFor(f, doc, a.language, d, lang) : [];
      }),
    ];
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const a = doc ? await analyse(doc) : null;
    if (!a) return null;
    return hoverAt(a.analysis, params.position.line + 1, a.loaded.gpu, a.loaded.config.safetyFactor, lang);
  });

  connection.onCodeLens(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const a = await analyse(doc);
    return a && a.settings.codeLens ? codeLenses(a.analysis, a.loaded.gpu, a.loaded.config.safetyFactor, lang) : [];
  });

  connection.onRequest(SIZING_REPORT_REQUEST, async (raw: unknown, token: CancellationToken): Promise<SizingReportResult> => {
    if (valueDepth(raw) > MAX_SETTINGS_DEPTH)
      throw new ResponseError(ErrorCodes.InvalidParams, `the request's parameters are nested more than ${MAX_SETTINGS_DEPTH} levels deep`);
    const params = checkSizingReportParams(raw);
    if (typeof params === 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${SIZING_REPORT_REQUEST}: ${params}`);
    const root = (params.rootUri ? uriToPath(params.rootUri) : null) ?? roots[0];
    if (!root) throw new Error('no workspace folder to size');
    const { loaded, settings } = await configFor(pathToFileURL(root).href, root);
    const started = Date.now();
    const cancel = new AbortController();
    token.onCancellationRequested(() => cancel.abort());
    const progress = params.workDoneToken;
    if (progress !== undefined)
      void connection.sendProgress(WorkDoneProgress.type, progress, {
        kind: 'begin',
        title: 'Scanning the workspace',
        cancellable: true,
        percentage: 0,
      });
    let reported = 0;
    // The scan runs on its own thread: this one keeps serving open documents, and a cancel ends the scan at once.
    const result = await idleScanThread().run(
      { root, config: loaded },
      {
        signal: cancel.signal,
        onProgress: (done, total) => {
          // Report at most every 100 ms.
          if (progress !== undefined && (Date.now() - reported >= 100 || done === total)) {
            reported = Date.now();
            const report: ScanProgressReport = {
              kind: 'report',
              message: `${done}/${total} files`,
              percentage: Math.floor((done / total) * 100),
              filesDone: done,
              filesTotal: total,
            };
            void connection.sendProgress(WorkDoneProgress.type, progress, report);
          }
        },
      },
    );
    if (progress !== undefined) void connection.sendProgress(WorkDoneProgress.type, progress, { kind: 'end' });
    if (!result || cancel.signal.aborted) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'the workspace scan was cancelled');
    const workload = loadWorkloadFile(root, { profile: params.profile ?? settings.profile });
    if (settings.engines || settings.prices) {
      // Settings go through the workload schema too: a bad engine id or price is named in the log and ignored.
      const fromSettings = resolveWorkload({
        ...(settings.engines ? { engines: settings.engines } : {}),
        ...(settings.prices ? { prices: settings.prices } : {}),
      });
      for (const p of fromSettings.problems) reportProblem('setting', { ...p, field: `${SETTINGS_SECTION}.${p.field}` });
      if (settings.engines) workload.engines = fromSettings.engines;
      if (settings.prices) workload.prices = fromSettings.prices;
    }
    if (params.assumptions) {
      // Values edited in the page go through the same schema as the file: a bad one is named and ignored.
      const edited = resolveWorkload({ assumptions: params.assumptions }, { profile: workload.profile });
      for (const key of edited.overridden) {
        workload.assumptions[key] = edited.assumptions[key];
        if (!workload.overridden.includes(key)) workload.overridden.push(key);
      }
      workload.problems.push(...edited.problems);
    }
    const report = buildSizingReport(result, workload);
    // The scan's findings as the editor shows them: the workspace baseline applied as for open files (hidden, or
    // downgraded to information), so Problems and the tree list the same findings whichever way a file was analysed.
    const mode = settings.baseline ?? 'hide';
    const baseline = mode === 'off' ? null : baselines.get(root);
    const split = baseline ? splitByBaseline(result.findings, baseline, { textOf: diskText(root) }) : null;
    const shown = !split
      ? result.findings
      : mode === 'hide'
        ? split.fresh
        : applyBaseline(result.findings, baseline, mode, { textOf: diskText(root) });
    const rendered =
      params.render === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : params.render === 'md'
          ? toMarkdown(report, { lang }).markdown
          : params.render === 'html'
            ? toHtml(report, { lang })
            : undefined;
    // Everything the request returns passes the credential choke point, but the diagnostics' file URIs (the client's own
    // identifiers of its files; their messages are masked by toDiagnostic).
    return {
      ...redactDeep({
        report,
        sections: sizingSections(report, lang),
        charts: buildCharts(report, lang),
        headline: headline(report, lang),
        strings: { ...pageStrings(lang), assumptions: assumptionLabels(lang) },
        findings: shown,
        ...(split ? { baselined: split.baselined.length } : {}),
        durationMs: Date.now() - started,
        scannedFiles: result.files.length,
        skipped: result.skipped,
        ...(rendered ? { rendered } : {}),
      }),
      ...(params.diagnostics ? { diagnostics: diagnosticsByFile(shown, root) } : {}),
    };
  });

  documents.listen(connection);
  connection.listen();
}

/** A scan's findings as LSP diagnostics, by file URI. */
function diagnosticsByFile(findings: readonly Finding[], root: string): Record<string, Diagnostic[]> {
  const byUri: Record<string, Diagnostic[]> = {};
  for (const f of findings) {
    const uri = pathToFileURL(resolve(root, f.path)).href;
    (byUri[uri] ??= []).push(toDiagnostic(f, uri));
  }
  return byUri;
}

function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return resolve(fileURLToPath(uri));
  } catch {
    return null;
  }
}
