// Integration tests inside a desktop VS Code (@vscode/test-electron via @vscode/test-cli): they run in the
// extension host and drive the extension through the VS Code API. `npm run test:vscode-electron` downloads VS Code
// (or uses VSCODE_TEST_EXECUTABLE), so they are not part of `npm test`; the code-server end-to-end suite is.
// Mocha's BDD globals come from the test runner; the workspace is a temporary copy made by .vscode-test.mjs.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'ai-infra-advisor.ai-infra-advisor';
const SOURCE = 'ai-infra-advisor';

function fileUri(name: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the test configuration opens a workspace folder');
  return vscode.Uri.joinPath(root, name);
}

/** Our diagnostics for a document once the language server has published some (the server runs out of process). */
async function ours(uri: vscode.Uri, ms = 30_000): Promise<vscode.Diagnostic[]> {
  const end = Date.now() + ms;
  for (;;) {
    const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
    if (ds.length) return ds;
    if (Date.now() > end) throw new Error(`no ${SOURCE} diagnostics for ${uri.fsPath} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('AI Infra Advisor in desktop VS Code', function () {
  this.timeout(60_000);

  it('activates on a CUDA file and reports with source, rule code and a docs link', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('saxpy.cu'));
    await vscode.window.showTextDocument(doc);
    const ds = await ours(doc.uri);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is active');
    const over = ds.find((d) => ruleOf(d) === 'gpu-exceeds-device-memory');
    assert.ok(over, ds.map(ruleOf).join(', '));
    assert.equal(over.severity, vscode.DiagnosticSeverity.Error);
    assert.match(over.message, /18\.00 GiB/);
    assert.match(String(typeof over.code === 'object' ? over.code.target : ''), /docs\/rules\/gpu-exceeds-device-memory\.md$/);
    // the page shipped with the extension, so the link works offline
    assert.equal(typeof over.code === 'object' ? over.code.target.scheme : '', 'file');
  });

  it('hover and CodeLens show the bytes of an allocation and the GPU fit', async () => {
    const uri = fileUri('saxpy.cu');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('cudaMalloc((void**)&d_x, bytes)'));
    assert.ok(line >= 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 8));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /6\.00 GiB \(6,442,450,944 bytes\)/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
    assert.ok(
      lenses.some((l) => l.command?.title === '≈ 6.00 GiB device memory · fits NVIDIA T4 16 GB'),
      lenses.map((l) => l.command?.title).join(' | '),
    );
  });

  it('the quick fix adds a client timeout, and suppressions are offered', async () => {
    const uri = fileUri('chat.ts');
    const doc = await vscode.workspace.openTextDocument(uri);
    const timeout = (await ours(uri)).find((d) => ruleOf(d) === 'llm-missing-timeout');
    assert.ok(timeout);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, timeout.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Suppress llm-missing-timeout for this line'), titles.join(' | '));
    const fix = actions.find((a) => a.title === 'Add timeout: 30_000');
    assert.ok(fix?.edit, titles.join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /new OpenAI\(\{ timeout: 30_000 \}\)/);
  });

  it('every command of the manifest is registered, and Scan Workspace finishes', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: Array<{ command: string }> } };
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of manifest.contributes.commands) assert.ok(registered.has(command), command);
    await vscode.commands.executeCommand('aiInfraAdvisor.scanWorkspace');
  });

  it('a settings change re-analyses open documents (target GPU)', async () => {
    const uri = fileUri('saxpy.cu');
    await vscode.workspace.getConfiguration('aiInfraAdvisor').update('targetGpu', 'a100-80', vscode.ConfigurationTarget.Workspace);
    const end = Date.now() + 30_000;
    while ((await ours(uri)).some((d) => ruleOf(d) === 'gpu-exceeds-device-memory')) {
      assert.ok(Date.now() < end, 'the device-memory error stayed after switching to an 80 GB GPU');
      await new Promise((r) => setTimeout(r, 200));
    }
  });
});
