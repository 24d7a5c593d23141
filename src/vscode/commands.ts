// Every command in one table: id -> handler built from the extension's services (rust-analyzer's pattern), so the
// palette, the tree's context menu and the report page all run the same code.
import * as vscode from 'vscode';
import { CodeActionRequest, CodeActionTriggerKind, type LanguageClient } from 'vscode-languageclient/node';
import { GPU_CATALOG } from '../core/sizing/gpu-catalog';
import { OPEN_DOCS_COMMAND, SETTINGS_SECTION, type SizingReportResult } from '../server/protocol';
import { requestSizing, withBundledDocs } from './client';
import { findingOf, ruleOf, type RecommendationsProvider } from './recommendations';
import type { SizingReports } from './report-panel';
import type { ScanDiagnostics } from './scan-diagnostics';
import { SEVERITY_NAMES } from './tree-model';
import { gpuPickItems } from './gpu-pick';

export interface Services {
  context: vscode.ExtensionContext;
  client: () => LanguageClient;
  reports: SizingReports;
  tree: RecommendationsProvider;
  workspaceDiagnostics: ScanDiagnostics;
  log: vscode.LogOutputChannel;
}

export const WORKLOAD_FILE = 'ai-infra-advisor.workload.json';

const WORKLOAD_TEMPLATE = {
  profile: 'medium',
  assumptions: { avgRequestsPerSecond: 1, peakRequestsPerSecond: 5, retentionDays: 90, readWriteRatio: 3, cacheHitRatio: 0.3 },
  calls: [],
  gpu: { datasets: [] },
};

type Handler = (s: Services, ...args: unknown[]) => unknown;

export const COMMANDS: Record<string, Handler> = {
  'aiInfraAdvisor.scanWorkspace': (s) =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('AI Infra Advisor: scanning the workspace'), cancellable: true },
      async (progress, token) => {
        progress.report({ message: vscode.l10n.t('reading files…') });
        let shown = 0;
        const result = await requestSizing(s.client(), { diagnostics: true }, token, ({ filesDone, filesTotal, percentage }) => {
          // VS Code's progress bar takes increments; the server sends the counts and a percentage.
          progress.report({ message: vscode.l10n.t('{0} of {1} files analysed', filesDone, filesTotal), increment: Math.max(0, percentage - shown) });
          shown = Math.max(shown, percentage);
        }).catch((err: unknown) => {
          if (token.isCancellationRequested) return undefined; // the server ended the scan; nothing to show
          throw err;
        });
        if (!result || token.isCancellationRequested) return void s.log.info('workspace scan cancelled');
        // Findings of files that are not open go to a collection of their own; open files keep the live diagnostics.
        // The server sends them as LSP diagnostics: converted by the client, they keep the keys its code actions use.
        const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
        const closed: Array<[vscode.Uri, vscode.Diagnostic[]]> = [];
        for (const [uri, ds] of Object.entries(result.diagnostics ?? {})) {
          const target = vscode.Uri.parse(uri);
          if (!open.has(target.toString()))
            closed.push([target, (await s.client().protocol2CodeConverter.asDiagnostics(ds)).map((d) => withBundledDocs(d, s.context.extensionUri))]);
        }
        s.workspaceDiagnostics.set(closed);
        s.tree.refresh();
        const files = new Set(result.findings.map((f) => f.path)).size;
        logScan(s.log, result);
        const found = vscode.l10n.t('AI Infra Advisor: {0} findings in {1} files ({2} ms).', result.findings.length, files, result.durationMs);
        void vscode.window.showInformationMessage(result.baselined ? `${found} ${baselinedNote(result.baselined)}` : found);
      },
    ),

  'aiInfraAdvisor.showSizingReport': (s) => s.reports.show(),

  'aiInfraAdvisor.exportSizingReport': async (s) => {
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'Markdown', description: vscode.l10n.t('for a pull request'), format: 'md' as const, ext: 'md' },
        { label: 'HTML', description: vscode.l10n.t('a self-contained page with charts'), format: 'html' as const, ext: 'html' },
        { label: 'JSON', description: 'docs/sizing-report.schema.json', format: 'json' as const, ext: 'json' },
      ],
      { title: vscode.l10n.t('Export Sizing Report') },
    );
    if (!pick) return;
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: root ? vscode.Uri.joinPath(root, `sizing-report.${pick.ext}`) : undefined,
      filters: { [pick.label]: [pick.ext] },
    });
    if (!target) return;
    const result = await requestSizing(s.client(), { render: pick.format });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.rendered ?? ''));
    void vscode.window.showInformationMessage(vscode.l10n.t('Sizing report written to {0}', vscode.workspace.asRelativePath(target)));
  },

  'aiInfraAdvisor.openWorkload': async (s) => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length) return void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the workload file lives at its root.'));
    // An existing workload file opens as it is; none is created without the user saying so, and where.
    for (const f of folders) {
      const existing = vscode.Uri.joinPath(f.uri, WORKLOAD_FILE);
      if (await exists(existing)) return void (await vscode.window.showTextDocument(existing));
    }
    const folder =
      folders.length === 1
        ? folders[0]
        : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder for {0}', WORKLOAD_FILE) });
    if (!folder) return;
    const uri = vscode.Uri.joinPath(folder.uri, WORKLOAD_FILE);
    const create = vscode.l10n.t('Create');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        'There is no workload file yet. Create {0} with the default assumptions?',
        vscode.workspace.asRelativePath(uri, folders.length > 1),
      ),
      {
        modal: true,
        detail: vscode.l10n.t(
          'The sizing report reads request rates, retention and data-set sizes from it; without it the defaults of the profile are used.',
        ),
      },
      create,
    );
    if (answer !== create) return void s.log.info('workload file not created: the user declined');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(WORKLOAD_TEMPLATE, null, 2)}\n`));
    s.log.info(`created ${uri.toString(true)}`);
    await vscode.window.showTextDocument(uri);
  },

  'aiInfraAdvisor.selectTargetGpu': async (s) => {
    const scope = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
    const current = config.get<string>('targetGpu') ?? 't4';
    const pick = await vscode.window.showQuickPick(gpuPickItems(GPU_CATALOG, current, vscode.l10n.t('current')), {
      title: vscode.l10n.t('Select Target GPU'),
      placeHolder: vscode.l10n.t('The GPU the code must fit in'),
    });
    if (!pick) return;
    // Where the choice is kept: for this user everywhere, or for this workspace only (its .vscode/settings.json).
    const targets = [
      { label: vscode.l10n.t('User settings'), description: vscode.l10n.t('for every workspace'), target: vscode.ConfigurationTarget.Global },
      ...(vscode.workspace.workspaceFolders?.length
        ? [
            {
              label: vscode.l10n.t('Workspace settings'),
              description: vscode.l10n.t('this workspace only, written to its settings file'),
              target: vscode.ConfigurationTarget.Workspace,
            },
          ]
        : []),
    ];
    const where = await vscode.window.showQuickPick(targets, { title: vscode.l10n.t('Save the target GPU {0} in', pick.label) });
    if (!where) return;
    await config.update('targetGpu', pick.id, where.target);
    // A workspace value wins over the user's: say so rather than seem to ignore the choice.
    if (where.target === vscode.ConfigurationTarget.Global && config.inspect('targetGpu')?.workspaceValue !== undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This workspace sets its own target GPU, which still applies here.'));
    }
    s.log.info(
      `target GPU set to ${pick.id} (${pick.label}) in the ${where.target === vscode.ConfigurationTarget.Global ? 'user' : 'workspace'} settings`,
    );
  },

  [OPEN_DOCS_COMMAND]: async (s, ruleId) => {
    // The docs ship inside the extension: open them offline in the Markdown preview.
    const doc = vscode.Uri.joinPath(s.context.extensionUri, 'docs', 'rules', `${String(ruleId)}.md`);
    await vscode.commands.executeCommand('markdown.showPreview', doc);
  },

  // Actions are told apart by what they do, not by their titles (which are translated).
  'aiInfraAdvisor.fixFinding': (s, node) => applyAction(s, node, (a) => !insertsDirective(a) && a.command?.command !== OPEN_DOCS_COMMAND),
  'aiInfraAdvisor.suppressFinding': (s, node) => applyAction(s, node, (a) => insertsDirective(a, 'ai-infra-advisor-disable-next-line')),
  'aiInfraAdvisor.openFindingDocs': (s, node) => {
    const item = findingOf(node, s.tree);
    if (!item) return void s.log.warn('open docs without a finding (no node passed, nothing selected)');
    return COMMANDS[OPEN_DOCS_COMMAND]!(s, item.rule);
  },
  'aiInfraAdvisor.filterTreeBySeverity': async (s) => {
    const names = { error: vscode.l10n.t('Errors'), warning: vscode.l10n.t('Warnings'), info: vscode.l10n.t('Information') };
    const items = SEVERITY_NAMES.map((n) => ({ label: names[n], severity: n, picked: s.tree.severities.has(n) }));
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Show findings of these severities') });
    if (!picked) return;
    // Nothing picked shows everything again, rather than an empty tree that looks like a clean workspace.
    s.tree.setSeverities(new Set(picked.length ? picked.map((p) => p.severity) : SEVERITY_NAMES));
  },
  'aiInfraAdvisor.filterTreeByFile': async (s) => {
    const filter = await vscode.window.showInputBox({
      title: vscode.l10n.t('Show findings in files matching'),
      prompt: vscode.l10n.t('Part of a path, * for any characters, ! to exclude, commas between terms (e.g. src/*.cu, !test)'),
      value: s.tree.fileFilter,
    });
    if (filter !== undefined) s.tree.setFileFilter(filter);
  },
  'aiInfraAdvisor.clearTreeFilters': (s) => {
    s.tree.setSeverities(new Set(SEVERITY_NAMES));
    s.tree.setFileFilter('');
  },
  'aiInfraAdvisor.openSidebar': () => vscode.commands.executeCommand('workbench.view.extension.aiInfraAdvisor'),
};

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** What the baseline did to a scan's findings (aiInfraAdvisor.baseline: hide or info). */
function baselinedNote(n: number): string {
  return vscode.workspace.getConfiguration('aiInfraAdvisor').get<string>('baseline', 'hide') === 'info'
    ? vscode.l10n.t('{0} baselined findings shown as information.', n)
    : vscode.l10n.t('{0} baselined findings hidden.', n);
}

/** A scan in the log: counts and time, each skipped file with its reason, configuration problems. */
function logScan(log: vscode.LogOutputChannel, result: SizingReportResult): void {
  const files = new Set(result.findings.map((f) => f.path)).size;
  log.info(
    `workspace scan: ${result.scannedFiles ?? '?'} files considered, ${result.skipped?.length ?? 0} skipped, ${result.findings.length} findings in ${files} files (${result.durationMs} ms)${result.baselined ? `, ${result.baselined} baselined` : ''}`,
  );
  const skipped = result.skipped ?? [];
  for (const k of skipped.slice(0, 200)) log.info(`skipped ${k.path}: ${k.reason}`);
  for (const k of skipped.slice(200)) log.debug(`skipped ${k.path}: ${k.reason}`);
  for (const p of result.report.problems) log.warn(`${p.source} ${p.field}: ${p.message}`);
}

/** Whether a code action inserts a suppression directive (any, or the given one). */
function insertsDirective(a: vscode.CodeAction, directive = 'ai-infra-advisor-disable'): boolean {
  return !!a.edit?.entries().some(([, edits]) => edits.some((e) => e.newText.includes(directive)));
}

/**
 * Runs the language server's code action for a tree finding: the same action the lightbulb offers, asked for this
 * one diagnostic (VS Code's executeCodeActionProvider returns actions without their diagnostics, so two findings on
 * one range could not be told apart). A finding from a workspace scan may be in a closed file: open it and wait for
 * the server's live diagnostics, which replace the scan's copy.
 */
async function applyAction(s: Services, node: unknown, choose: (a: vscode.CodeAction) => boolean): Promise<void> {
  const item = findingOf(node, s.tree);
  if (!item) return void s.log.warn(`tree action without a finding (got ${node === undefined ? 'nothing' : 'a non-finding node'}, nothing selected)`);
  await vscode.workspace.openTextDocument(item.uri);
  const live = await liveDiagnostics(s, item.uri);
  const diagnostic = live.find((d) => ruleOf(d) === item.rule && d.message === item.message && d.range.start.line === item.line) ?? item.diagnostic;
  const client = s.client();
  const c2p = client.code2ProtocolConverter;
  const result = await client.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: c2p.asUri(item.uri) },
    range: c2p.asRange(diagnostic.range),
    context: { diagnostics: [c2p.asDiagnostic(diagnostic)], triggerKind: CodeActionTriggerKind.Invoked },
  });
  const actions = (await client.protocol2CodeConverter.asCodeActionResult(result ?? [])).filter(
    (a): a is vscode.CodeAction => a instanceof vscode.CodeAction,
  );
  const action = actions.find(choose);
  s.log.info(
    `tree action on ${item.rule} at ${item.path}:${item.line + 1}: ${actions.length} code actions, ${action ? `running "${action.title}"` : 'none of the kind asked for'}`,
  );
  if (!action) return void vscode.window.showInformationMessage(vscode.l10n.t('No such action for this finding.'));
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** The language server's diagnostics for a document, once it has published them (at most 10 s). */
async function liveDiagnostics(s: Services, uri: vscode.Uri): Promise<readonly vscode.Diagnostic[]> {
  const published = () => (s.client().diagnostics?.has(uri) ? (s.client().diagnostics!.get(uri) ?? []) : undefined);
  const now = published();
  if (now) return now;
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish([]), 10_000);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        const ds = published();
        if (ds) finish(ds);
      }
    });
    function finish(ds: readonly vscode.Diagnostic[]): void {
      clearTimeout(timer);
      sub.dispose();
      resolve(ds);
    }
  });
}
