// Offers `ai-infra-advisor mcp` to VS Code's agent mode: one stdio server per workspace folder, running the bundled
// dist/cli.js with the folder as its cwd (the server confines every path to it).
// @types/vscode here is 1.95, which predates the MCP API (VS Code 1.101): the few types used are declared below and
// the call is guarded, so older hosts simply skip it.
import * as vscode from 'vscode';
import { MCP_PROVIDER_ID } from '../mcp/provider-id';

interface StdioDefinitionCtor {
  new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string): { cwd?: vscode.Uri };
}
interface McpApi {
  registerMcpServerDefinitionProvider?(
    id: string,
    provider: { onDidChangeMcpServerDefinitions?: vscode.Event<void>; provideMcpServerDefinitions(token: vscode.CancellationToken): unknown[] },
  ): vscode.Disposable;
}

export function registerMcpProvider(context: vscode.ExtensionContext): vscode.Disposable | undefined {
  const lm = (vscode as unknown as { lm?: McpApi }).lm;
  const Definition = (vscode as unknown as { McpStdioServerDefinition?: StdioDefinitionCtor }).McpStdioServerDefinition;
  if (!lm?.registerMcpServerDefinitionProvider || !Definition) return undefined;
  const changed = new vscode.EventEmitter<void>();
  const folders = vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire());
  const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
  const version = (context.extension.packageJSON as { version?: string }).version;
  const provider = lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () =>
      (vscode.workspace.workspaceFolders ?? [])
        .filter((f) => f.uri.scheme === 'file')
        .map((folder) => {
          // process.execPath is the extension host's Node (Electron run as Node), so no separate Node install is needed.
          const def = new Definition(`AI Infra Advisor (${folder.name})`, process.execPath, [cli, 'mcp'], { ELECTRON_RUN_AS_NODE: '1' }, version);
          def.cwd = folder.uri;
          return def;
        }),
  });
  return vscode.Disposable.from(provider, folders, changed);
}
