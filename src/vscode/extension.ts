// The composition root: creates the services once, registers every disposable in one place, and does nothing heavy
// until a relevant document opens (activation events in package.json). The analysis runs in the language server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { COMMANDS, type Services } from './commands';
import { RecommendationsProvider } from './recommendations';
import { SETTINGS_SECTION } from '../server/protocol';
import { GPU_CATALOG } from '../core/sizing/gpu-catalog';
import { profileLabel, REPORT_VIEW_TYPE, SizingReports } from './report-panel';
import { ScanDiagnostics } from './scan-diagnostics';
import { registerMcpProvider } from './mcp-provider';

let client: LanguageClient | undefined;

/** Settings the sizing report depends on: a change recomputes an open report. */
const REPORT_SETTINGS = ['targetGpu', 'profile', 'engines', 'prices', 'include', 'exclude', 'maxFileBytes', 'rules'];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('AI Infra Advisor', { log: true });
  client = createClient(context, log);
  const c = client;
  const tree = new RecommendationsProvider();
  const reports = new SizingReports(context, () => c, log);
  const workspaceDiagnostics = new ScanDiagnostics();
  const services: Services = { context, client: () => c, reports, tree, workspaceDiagnostics, log };

  // The status item says what VS Code's own problem counter cannot: the GPU the code is checked against.
  const status = vscode.window.createStatusBarItem('aiInfraAdvisor.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'AI Infra Advisor';
  status.command = 'aiInfraAdvisor.selectTargetGpu';
  const updateStatus = () => {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, vscode.window.activeTextEditor?.document.uri);
    const id = config.get<string>('targetGpu') ?? 't4';
    const gpu = GPU_CATALOG.find((g) => g.id === id)?.name ?? id;
    status.text = `$(chip) ${gpu}`;
    status.tooltip = vscode.l10n.t(
      'AI Infra Advisor: code is checked against {0} (profile {1}). Click to select the target GPU.',
      gpu,
      profileLabel(config.get<string>('profile') ?? 'medium'),
    );
    status.accessibilityInformation = { label: status.tooltip };
    status.show();
  };

  context.subscriptions.push(
    log,
    status,
    workspaceDiagnostics,
    c,
    ...[registerMcpProvider(context)].filter((d) => d !== undefined),
    (tree.view = vscode.window.createTreeView('aiInfraAdvisor.recommendations', { treeDataProvider: tree, showCollapseAll: true })),
    vscode.window.registerWebviewViewProvider('aiInfraAdvisor.sizing', reports),
    vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, reports),
    // An opened file gets live diagnostics from the server: drop its copy from the last workspace scan.
    vscode.workspace.onDidOpenTextDocument((d) => workspaceDiagnostics.delete(d.uri)),
    vscode.languages.onDidChangeDiagnostics(() => tree.refresh()),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTINGS_SECTION)) return;
      updateStatus();
      // The scan's copy of closed files follows the rule settings at once; the report is recomputed for the new
      // target GPU, profile, engines or prices (the language server re-analyses open files itself).
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.rules`)) {
        const hidden = workspaceDiagnostics.show();
        log.info(`rule settings changed: ${hidden} scanned findings of rules now off are hidden (a rule turned on again needs a new scan)`);
      }
      if (REPORT_SETTINGS.some((k) => e.affectsConfiguration(`${SETTINGS_SECTION}.${k}`))) void reports.settingsChanged();
    }),
    ...Object.entries(COMMANDS).map(([id, run]) => vscode.commands.registerCommand(id, (...args: unknown[]) => run(services, ...args))),
  );
  updateStatus();
  const registered = performance.now();
  await c.start();
  // The bench (issue 5) reads these two figures from the end-to-end run's log: keep the wording stable.
  log.info(
    `AI Infra Advisor started (${vscode.workspace.isTrusted ? 'trusted' : 'restricted mode: read-only analysis still runs'}): activate ${Math.round(registered - started)} ms, language server ready ${Math.round(performance.now() - registered)} ms`,
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
