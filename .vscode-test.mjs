// @vscode/test-cli configuration for `npm run test:vscode-electron`: the integration suite in test/electron, run in a
// desktop VS Code. It downloads VS Code (`stable`, or VSCODE_TEST_VERSION) unless VSCODE_TEST_EXECUTABLE names an
// installed one. The workspace is a fresh temporary copy of two examples, since the tests edit files.
import { defineConfig } from '@vscode/test-cli';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspace = mkdtempSync(join(tmpdir(), 'aia-electron-'));
copyFileSync('examples/cuda/whole_dataset_saxpy.cu', join(workspace, 'saxpy.cu'));
copyFileSync('examples/openai/chat-mongo-history.ts', join(workspace, 'chat.ts'));
writeFileSync(join(workspace, 'ai-infra-advisor.workload.json'), JSON.stringify({ gpu: { datasets: [{ file: 'saxpy.cu', bytes: '6 GiB' }] } }));

const executable = process.env.VSCODE_TEST_EXECUTABLE;
export default defineConfig({
  label: 'electron',
  files: 'out/electron/**/*.test.js',
  workspaceFolder: workspace,
  ...(executable ? { useInstallation: { fromPath: executable } } : { version: process.env.VSCODE_TEST_VERSION ?? 'stable' }),
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 60_000 },
});
