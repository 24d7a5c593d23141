// The Sizing Report webview panel and the sidebar's Sizing view: both load the static shell and get the report by
// message after `ready`; page actions are forwarded to the registered commands; the panel survives reloads.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { parseFromWebview, type SizingReportResult, type ToWebview } from '../server/protocol';
import type { UsageAssumptions } from '../core/sizing/profiles';
import { requestSizing } from './client';
import { webviewOptions, webviewShell } from './webview-html';

export const REPORT_VIEW_TYPE = 'aiInfraAdvisor.sizingReport';

/** A usage profile's name in the display language (the setting's value is an id: low, medium, high). */
export function profileLabel(profile: string): string {
  const names: Record<string, string> = { low: vscode.l10n.t('low'), medium: vscode.l10n.t('medium'), high: vscode.l10n.t('high') };
  return names[profile] ?? profile;
}

export class SizingReports implements vscode.WebviewPanelSerializer, vscode.WebviewViewProvider {
  private panel: vscode.WebviewPanel | undefined;
  private sidebar: vscode.WebviewView | undefined;
  private last: SizingReportResult | undefined;
  private edits: Partial<UsageAssumptions> = {};
  /** Bumped per request: a slower, older answer (the settings changed meanwhile) never replaces a newer one. */
  private generation = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, vscode.l10n.t('Sizing Report'), vscode.ViewColumn.Active, {
      ...webviewOptions(this.context.extensionUri),
      retainContextWhenHidden: false,
    });
    await this.attachPanel(panel);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.edits = (state as { edits?: Partial<UsageAssumptions> } | undefined)?.edits ?? {};
    await this.attachPanel(panel);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.sidebar = view;
    view.webview.options = webviewOptions(this.context.extensionUri);
    view.webview.html = webviewShell(view.webview, this.context.extensionUri, 'sidebar', 'Sizing');
    view.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m, view.webview));
    view.onDidDispose(() => (this.sidebar = undefined));
  }

  private async attachPanel(panel: vscode.WebviewPanel): Promise<void> {
    this.panel = panel;
    panel.webview.options = webviewOptions(this.context.extensionUri);
    panel.webview.html = webviewShell(panel.webview, this.context.extensionUri, 'panel', vscode.l10n.t('Sizing Report'));
    panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m, panel.webview));
    panel.onDidDispose(() => (this.panel = undefined));
  }

  private async onMessage(raw: unknown, webview: vscode.Webview): Promise<void> {
    const m = parseFromWebview(raw);
    if (!m) return void this.log.warn(`ignored a message from the report page: ${JSON.stringify(raw)?.slice(0, 200)}`);
    if (m.type === 'ready') {
      if (this.last) await this.post(webview, this.message(this.last));
      else await this.refresh();
    } else if (m.type === 'recompute') {
      this.edits = m.assumptions;
      await this.refresh();
    } else if (m.type === 'command') {
      await vscode.commands.executeCommand(m.command);
    }
  }

  /**
   * A setting the report depends on changed (target GPU, profile, engines, prices, rules): the last report is stale.
   * Open pages are recomputed now; a page opened later asks for a new one instead of getting the stale copy.
   */
  async settingsChanged(): Promise<void> {
    this.last = undefined;
    if (!this.webviews().length) return;
    this.log.info('settings changed: recomputing the open sizing report');
    await this.refresh();
  }

  /** Recomputes through the language server and sends the result to every open page. */
  async refresh(): Promise<SizingReportResult | undefined> {
    const busy: ToWebview = { type: 'busy', message: vscode.l10n.t('Computing the sizing report…') };
    if (!this.last) for (const w of this.webviews()) await this.post(w, busy);
    const generation = ++this.generation;
    try {
      const started = performance.now();
      const result = await requestSizing(this.client(), { assumptions: Object.keys(this.edits).length ? this.edits : undefined });
      if (generation !== this.generation) return result;
      this.last = result;
      this.log.info(
        `sizing report: target GPU ${result.report.gpu.target.name}, profile ${result.report.profile}, ${result.findings.length} findings (${Math.round(performance.now() - started)} ms)`,
      );
      for (const p of result.report.problems) this.log.warn(`${p.source} ${p.field}: ${p.message}`);
      for (const w of this.webviews()) await this.post(w, this.message(result));
      return result;
    } catch (err) {
      if (generation !== this.generation) return undefined;
      this.log.error(`sizing report failed: ${(err as Error).message}`);
      for (const w of this.webviews())
        await this.post(w, { type: 'error', message: vscode.l10n.t('The sizing report could not be computed: {0}', (err as Error).message) });
      return undefined;
    }
  }

  private message(r: SizingReportResult): ToWebview {
    // The page shows the report, not the findings: leave the per-file lists out of the message.
    const { findings: _f, diagnostics: _d, rendered: _r, skipped: _s, ...result } = r;
    return { type: 'report', result, assumptionsEditable: true, profileLabel: profileLabel(r.report.profile) };
  }

  private webviews(): vscode.Webview[] {
    return [this.panel?.webview, this.sidebar?.webview].filter((w): w is vscode.Webview => !!w);
  }

  private async post(webview: vscode.Webview, m: ToWebview): Promise<void> {
    await webview.postMessage(m);
  }
}
