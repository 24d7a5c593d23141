// The language client: starts dist/server.js in its own Node process (a crash there cannot take the extension host
// down) for the languages we analyse, and exposes the custom sizing request.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, WorkDoneProgress, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  DIAGNOSTIC_SOURCE,
  SETTINGS_SECTION,
  SIZING_REPORT_REQUEST,
  type ScanProgressReport,
  type SizingReportParams,
  type SizingReportResult,
} from '../server/protocol';

export const DOCUMENT_SELECTOR = [
  'cuda-cpp',
  'cpp',
  'c',
  'opencl',
  'python',
  'javascript',
  'typescript',
  'javascriptreact',
  'typescriptreact',
].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
  // Virtual workspaces (vscode-vfs, github): the open document's text is analysed, nothing is read from disk.
  { scheme: 'vscode-vfs', language },
]);

export function createClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: log,
    diagnosticCollectionName: 'ai-infra-advisor',
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) =>
        next(
          uri,
          diagnostics.map((d) => withBundledDocs(d, context.extensionUri)),
        ),
      workspace: {
        // The rules setting's default lists every rule (so Settings shows them all); the server gets only what the
        // user set, or those defaults would override the severities of ai-infra-advisor.config.json.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => {
            const item = params.items[i];
            if (item?.section !== SETTINGS_SECTION || !value || typeof value !== 'object') return value;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return { ...value, rules: explicitRules(vscode.workspace.getConfiguration(SETTINGS_SECTION, scope)) };
          });
        },
      },
    },
  };
  return new LanguageClient('aiInfraAdvisor', 'AI Infra Advisor', serverOptions, clientOptions);
}

/** The rule severities a user set (user, workspace, folder settings; the later wins), without the defaults. */
export function explicitRules(config: vscode.WorkspaceConfiguration): Record<string, unknown> {
  const i = config.inspect<Record<string, unknown>>('rules');
  return { ...i?.globalValue, ...i?.workspaceValue, ...i?.workspaceFolderValue };
}

/**
 * Points a diagnostic's rule link (Problems panel, hover, peek) at the rule's page shipped in the extension, so it
 * opens inside VS Code and offline; the server's link is the public page, for clients without the bundle. A file
 * URI, not a command URI: the hover and the peek view open links without allowing commands.
 */
export function withBundledDocs(d: vscode.Diagnostic, extensionUri: vscode.Uri): vscode.Diagnostic {
  if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'object' || d.code === null) return d;
  const rule = String(d.code.value);
  // Rule ids are kebab-case file names; anything else keeps the server's link rather than build a path from it.
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rule)) return d;
  d.code = { value: d.code.value, target: bundledRuleDoc(extensionUri, rule) };
  return d;
}

export function bundledRuleDoc(extensionUri: vscode.Uri, rule: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${rule}.md`);
}

/**
 * The sizing request. With `onProgress`, the server reports files done of total through standard LSP work-done
 * progress (as data: {@link ScanProgressReport}); with a token, cancelling sends `$/cancelRequest` and the server
 * ends the scan thread at once.
 */
export async function requestSizing(
  client: LanguageClient,
  params: SizingReportParams,
  token?: vscode.CancellationToken,
  onProgress?: (progress: { filesDone: number; filesTotal: number; percentage: number }) => void,
): Promise<SizingReportResult> {
  const workDoneToken = onProgress ? `aiInfraAdvisor/scan/${++scans}` : undefined;
  const subscription =
    workDoneToken && onProgress
      ? client.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
          if (p.kind !== 'report') return;
          const r = p as Partial<ScanProgressReport>;
          if (typeof r.filesDone === 'number' && typeof r.filesTotal === 'number')
            onProgress({ filesDone: r.filesDone, filesTotal: r.filesTotal, percentage: p.percentage ?? 0 });
        })
      : undefined;
  try {
    const request = { ...params, ...(workDoneToken ? { workDoneToken } : {}) };
    // Pass the token only when there is one: vscode-jsonrpc would otherwise send `undefined` as a second parameter.
    return (await (token
      ? client.sendRequest(SIZING_REPORT_REQUEST, request, token)
      : client.sendRequest(SIZING_REPORT_REQUEST, request))) as SizingReportResult;
  } finally {
    subscription?.dispose();
  }
}
let scans = 0;
