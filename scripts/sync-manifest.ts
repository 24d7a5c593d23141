// Writes the id lists the manifest and the config schema carry from their registries: the target GPU enum from the
// GPU catalog, and one `aiInfraAdvisor.rules` property per rule of the registry (description, default severity,
// allowed values), with the English descriptions in package.nls.json. Korean descriptions are written by hand in
// package.nls.ko.json; a missing one is named. `test/unit/vscode/manifest.test.ts` fails when this was not run.
// Run: npx tsx scripts/sync-manifest.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/core/rules';
import { GPU_CATALOG } from '../src/core/sizing/gpu-catalog';

const ROOT = join(__dirname, '..');
const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;

export function ruleDescriptionKey(id: string): string {
  return `rule.${id}`;
}

/** The `aiInfraAdvisor.rules` properties, one per registered rule. */
export function ruleProperties(): Record<string, unknown> {
  return Object.fromEntries(
    [...RULES]
      .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
      .map((r) => [
        r.meta.id,
        {
          type: 'string',
          enum: [...SEVERITIES],
          enumDescriptions: SEVERITIES.map((s) => `%severity.${s}%`),
          default: r.meta.defaultSeverity,
          markdownDescription: `%${ruleDescriptionKey(r.meta.id)}%`,
        },
      ]),
  );
}

function write(file: string, value: unknown): void {
  writeFileSync(join(ROOT, file), `${JSON.stringify(value, null, 2)}\n`);
}

if (require.main === module) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties;
  props['aiInfraAdvisor.targetGpu'].enum = GPU_CATALOG.map((g) => g.id);
  props['aiInfraAdvisor.targetGpu'].enumDescriptions = GPU_CATALOG.map((g) => g.name);
  props['aiInfraAdvisor.rules'].properties = ruleProperties();
  // Every rule with its default severity: the Settings editor lists them all, each with a drop-down. The client
  // sends the server only the values a user set (src/vscode/client.ts), so these defaults never override the
  // configuration file's.
  props['aiInfraAdvisor.rules'].default = Object.fromEntries(
    [...RULES].sort((a, b) => a.meta.id.localeCompare(b.meta.id)).map((r) => [r.meta.id, r.meta.defaultSeverity]),
  );
  write('package.json', pkg);

  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  for (const r of RULES) nls[ruleDescriptionKey(r.meta.id)] = r.meta.description;
  write('package.nls.json', nls);

  const schemaFile = 'docs/config.schema.json';
  const schema = JSON.parse(readFileSync(join(ROOT, schemaFile), 'utf8'));
  const ids = GPU_CATALOG.map((g) => g.id);
  schema.properties.targetGpu.enum = [...ids, 'custom'];
  schema.properties.targetGpu.description = `GPU the code should fit: a catalog id (${ids.join(', ')}) or 'custom'.`;
  write(schemaFile, schema);

  const ko = JSON.parse(readFileSync(join(ROOT, 'package.nls.ko.json'), 'utf8')) as Record<string, string>;
  const missing = RULES.map((r) => ruleDescriptionKey(r.meta.id)).filter((k) => !ko[k]);
  if (missing.length) console.error(`package.nls.ko.json needs a Korean description for: ${missing.join(', ')}`);
}
