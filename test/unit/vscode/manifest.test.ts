// The extension manifest against the code it describes: settings enums equal the GPU catalog and the rule registry,
// every %key% has an English and a Korean string, every runtime string has a Korean translation, every command
// the code registers is contributed and vice versa, and activation covers the analysed languages.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS } from '../../../src/core/rules';
import { GPU_CATALOG } from '../../../src/core/sizing/gpu-catalog';
import { ENGINE_IDS } from '../../../src/core/sizing/workload';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsKo = JSON.parse(readFileSync(join(ROOT, 'package.nls.ko.json'), 'utf8')) as Record<string, string>;
const props = pkg.contributes.configuration.properties;

function vscodeSources(): string {
  return readdirSync(join(ROOT, 'src/vscode')).map((f) => readFileSync(join(ROOT, 'src/vscode', f), 'utf8')).join('\n');
}

describe('VS Code extension manifest', () => {
  it('settings enums follow the GPU catalog, the rule registry and the engines', () => {
    assert.deepEqual(props['aiInfraAdvisor.targetGpu'].enum, GPU_CATALOG.map((g) => g.id));
    assert.deepEqual(props['aiInfraAdvisor.targetGpu'].enumDescriptions, GPU_CATALOG.map((g) => g.name));
    assert.deepEqual(Object.keys(props['aiInfraAdvisor.rules'].properties).sort(), [...RULE_IDS].sort());
    assert.deepEqual(props['aiInfraAdvisor.engines'].items.enum, [...ENGINE_IDS]);
  });

  it('every %key% in the manifest has an English and a Korean string, and nothing is left untranslated', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.length > 30);
    for (const k of keys) {
      assert.ok(nls[k], `package.nls.json lacks ${k}`);
      assert.ok(nlsKo[k], `package.nls.ko.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(nlsKo).sort(), Object.keys(nls).sort());
    // Korean strings are Korean (product names and code aside)
    for (const k of ['command.scanWorkspace', 'view.recommendations', 'config.targetGpu']) assert.match(nlsKo[k]!, /[\uAC00-\uD7A3]/);
  });

  it('every runtime string (vscode.l10n.t) has a Korean translation', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.ko.json'), 'utf8')) as Record<string, string>;
    const used = [...vscodeSources().matchAll(/vscode\.l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!);
    assert.ok(used.length > 10);
    for (const s of used) assert.ok(bundle[s], `l10n/bundle.l10n.ko.json lacks "${s}"`);
  });

  it('commands in the code and in the manifest are the same set', () => {
    const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    const registered = [...new Set([...vscodeSources().matchAll(/'(aiInfraAdvisor\.[a-zA-Z]+)': /g)].map((m) => m[1]!))];
    // the docs command is a computed key in the table
    if (/\[OPEN_DOCS_COMMAND\]: /.test(vscodeSources())) registered.push('aiInfraAdvisor.openRuleDocs');
    assert.deepEqual([...new Set(registered)].sort(), contributed);
  });

  it('activates on the analysed languages and on the config/workload files; works untrusted', () => {
    for (const l of ['cuda-cpp', 'cpp', 'c', 'opencl', 'python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact']) assert.ok(pkg.activationEvents.includes(`onLanguage:${l}`), l);
    assert.ok(pkg.activationEvents.includes('workspaceContains:ai-infra-advisor.workload.json'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.deepEqual(pkg.contributes.jsonValidation.map((j: { url: string }) => j.url), ['./docs/workload.schema.json', './docs/config.schema.json']);
  });
});
