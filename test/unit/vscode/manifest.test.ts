// The extension manifest against the code it describes: settings enums equal the GPU catalog and the rule registry,
// every %key% has an English and a Korean string, every runtime string has a Korean translation, every command
// the code registers is contributed and vice versa, and activation covers the analysed languages.
import assert from 'node:assert/strict';
import { PROVIDER_NAMES } from '../../../src/core/facts/llm-providers';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS, RULES } from '../../../src/core/rules';
import { GPU_CATALOG } from '../../../src/core/sizing/gpu-catalog';
import { ENGINE_IDS } from '../../../src/core/sizing/workload';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsKo = JSON.parse(readFileSync(join(ROOT, 'package.nls.ko.json'), 'utf8')) as Record<string, string>;
const props = pkg.contributes.configuration.properties;

function vscodeSources(): string {
  return readdirSync(join(ROOT, 'src/vscode'))
    .map((f) => readFileSync(join(ROOT, 'src/vscode', f), 'utf8'))
    .join('\n');
}

describe('VS Code extension manifest', () => {
  it('settings enums follow the GPU catalog, the rule registry and the engines', () => {
    assert.deepEqual(
      props['aiInfraAdvisor.targetGpu'].enum,
      GPU_CATALOG.map((g) => g.id),
    );
    assert.deepEqual(
      props['aiInfraAdvisor.targetGpu'].enumDescriptions,
      GPU_CATALOG.map((g) => g.name),
    );
    assert.deepEqual(Object.keys(props['aiInfraAdvisor.rules'].properties).sort(), [...RULE_IDS].sort());
    assert.deepEqual(props['aiInfraAdvisor.engines'].items.enum, [...ENGINE_IDS]);
  });

  it('the rules setting lists every rule of the registry with its description, default and allowed values', () => {
    const rules = props['aiInfraAdvisor.rules'];
    assert.equal(rules.additionalProperties, false);
    // the default holds every rule, so the Settings editor lists each one with its value
    assert.deepEqual(
      rules.default,
      Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.defaultSeverity]).sort(([a], [b]) => a!.localeCompare(b!))),
    );
    for (const r of RULES) {
      const p = rules.properties[r.meta.id];
      assert.ok(p, `${r.meta.id} is not in the rules setting (run npx tsx scripts/sync-manifest.ts)`);
      assert.deepEqual(p.enum, ['error', 'warning', 'info', 'off'], r.meta.id);
      assert.equal(p.default, r.meta.defaultSeverity, r.meta.id);
      assert.equal(p.markdownDescription, `%rule.${r.meta.id}%`, r.meta.id);
      assert.equal(nls[`rule.${r.meta.id}`], r.meta.description, `package.nls.json's description of ${r.meta.id} differs from the rule's meta`);
      assert.match(nlsKo[`rule.${r.meta.id}`] ?? '', /[\uAC00-\uD7A3]/, `no Korean description of ${r.meta.id}`);
    }
  });

  it('the config schema and the README list the GPU catalog and the rule registry', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'docs/config.schema.json'), 'utf8'));
    const ids = GPU_CATALOG.map((g) => g.id);
    assert.deepEqual(schema.properties.targetGpu.enum, [...ids, 'custom'], 'docs/config.schema.json (run npx tsx scripts/sync-manifest.ts)');
    for (const id of ids) assert.ok(schema.properties.targetGpu.description.includes(id), id);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const gpuLine = /^- `--target-gpu`: (.*)$/m.exec(readme)?.[1] ?? '';
    assert.deepEqual(
      [...gpuLine.matchAll(/`([\w-]+)`/g)].map((m) => m[1]),
      [...ids, 'custom'],
      'README.md --target-gpu list',
    );
    const table = [...readme.matchAll(/^\| \[([a-z0-9-]+)\]\(docs\/rules\/\1\.md\) \| (\w+) \|/gm)].map((m) => [m[1], m[2]]);
    assert.deepEqual(table.map(([id]) => id).sort(), [...RULE_IDS].sort(), 'README.md rule table');
    for (const [id, severity] of table)
      assert.equal(severity, RULES.find((r) => r.meta.id === id)!.meta.defaultSeverity, `README.md default severity of ${id}`);
  });

  it('every provider enum of the public schemas is the provider registry (PROVIDER_NAMES) and null', () => {
    const ids = [...Object.keys(PROVIDER_NAMES), null];
    let seen = 0;
    const walk = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        if (k === 'provider' && v && typeof v === 'object' && 'enum' in v) {
          seen++;
          assert.deepEqual((v as { enum: unknown[] }).enum, ids, `${where}: provider enum`);
        }
        walk(v, where);
      }
    };
    for (const f of ['docs/report.schema.json', 'docs/sizing-report.schema.json', 'docs/diff.schema.json'])
      walk(JSON.parse(readFileSync(join(ROOT, f), 'utf8')), f);
    assert.ok(seen >= 4, `provider enums found: ${seen}`);
  });

  it('the getting-started walkthrough: every step has its page and runs a contributed command', () => {
    const [walkthrough] = pkg.contributes.walkthroughs;
    assert.ok(walkthrough, 'contributes.walkthroughs');
    const commands = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const ids = walkthrough.steps.map((s: { id: string }) => s.id);
    assert.deepEqual(ids, ['scan', 'report', 'targetGpu', 'workload']);
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(join(ROOT, step.media.markdown)), step.media.markdown);
      const description = nls[step.description.replace(/%/g, '')]!;
      const linked = [...description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.equal(linked.length, 1, step.id);
      assert.ok(commands.has(linked[0]), `${step.id} links ${linked[0]}`);
      assert.ok(step.completionEvents.includes(`onCommand:${linked[0]}`), step.id);
    }
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
    for (const l of ['cuda-cpp', 'cpp', 'c', 'opencl', 'python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact'])
      assert.ok(pkg.activationEvents.includes(`onLanguage:${l}`), l);
    assert.ok(pkg.activationEvents.includes('workspaceContains:ai-infra-advisor.workload.json'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.deepEqual(
      pkg.contributes.jsonValidation.map((j: { url: string }) => j.url),
      ['./docs/workload.schema.json', './docs/config.schema.json'],
    );
  });
});
