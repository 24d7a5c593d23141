// The workload: a usage profile plus the optional ai-infra-advisor.workload.json (docs/workload.schema.json).
// A bad value is reported by its field name and replaced by the profile's value; a broken file is a message and the
// profile alone is used. Nothing here throws for bad input.
import Ajv from 'ajv';
import { existsSync, statSync } from 'node:fs';
import { problem, readSettingsFile, schemaText, type ConfigProblem } from '../config';
import { configText } from '../config-messages';
import { dirname, join } from 'node:path';
import schema from '../../../docs/workload.schema.json';
import { GIB } from '../model/units';
import { PROFILES, type ProfileName, type UsageAssumptions } from './profiles';
import { withPriceOverrides, type PriceCatalog } from './prices';

export const WORKLOAD_FILE_NAME = 'ai-infra-advisor.workload.json';
export const ENGINE_IDS = ['mongodb', 'cassandra', 'scylladb', 'elasticsearch', 'dynamodb', 'redis'] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

export type CallOverride = Partial<
  Pick<
    UsageAssumptions,
    'avgRequestsPerSecond' | 'peakRequestsPerSecond' | 'inputTokens' | 'outputTokens' | 'cacheHitRatio' | 'retentionDays' | 'readWriteRatio'
  >
> & {
  site?: string;
  label?: string;
  stored?: boolean;
};

export interface GpuDataset {
  file: string;
  bytes?: number;
  sizes?: Record<string, number>;
}

export type WorkloadProblem = ConfigProblem;

export interface Workload {
  profile: ProfileName;
  /** The profile's values with the file's global overrides applied. */
  assumptions: UsageAssumptions;
  /** Which assumption keys the file set (the report marks them as "workload"). */
  overridden: Array<keyof UsageAssumptions>;
  calls: CallOverride[];
  gpu: { targetGpu?: string; safetyFactor?: number; instances?: number; datasets: GpuDataset[] };
  engines: EngineId[];
  prices: PriceCatalog;
  source: string | null;
  problems: WorkloadProblem[];
}

interface RawWorkload {
  profile?: ProfileName;
  assumptions?: Partial<UsageAssumptions>;
  calls?: CallOverride[];
  gpu?: {
    targetGpu?: string;
    safetyFactor?: number;
    instances?: number;
    datasets?: Array<{ file: string; bytes?: number | string; sizes?: Record<string, number | string> }>;
  };
  engines?: EngineId[];
  prices?: Parameters<typeof withPriceOverrides>[0];
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile<RawWorkload>(schema);

/** `24 GiB`, `8GB`, `512 MiB`, `1000`: bytes (GB and TB read as GiB/TiB, as GPU vendors use them). */
export function parseBytes(value: number | string): number {
  if (typeof value === 'number') return value;
  // Trimmed first: `\s*(unit)?\s*$` has two adjacent `\s*` when the unit is absent (quadratic on long spaces).
  const m = /^(\d+(?:\.\d+)?)\s*(B|bytes|KB|KiB|MB|MiB|GB|GiB|TB|TiB)?$/.exec(value.trim());
  if (!m) return Number.NaN;
  const scale: Record<string, number> = {
    B: 1,
    bytes: 1,
    KB: 1024,
    KiB: 1024,
    MB: 1024 ** 2,
    MiB: 1024 ** 2,
    GB: GIB,
    GiB: GIB,
    TB: 1024 * GIB,
    TiB: 1024 * GIB,
  };
  return Math.round(Number(m[1]) * scale[m[2] ?? 'B']!);
}

/** Removes the value at a JSON pointer (and returns whether it removed anything). */
function removeAt(root: unknown, pointer: string): boolean {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (!parts.length) return false;
  let node = root as Record<string, unknown> | unknown[];
  for (const p of parts.slice(0, -1)) {
    const next = (node as Record<string, unknown>)[p];
    if (next === null || typeof next !== 'object') return false;
    node = next as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (Array.isArray(node)) {
    if (node[Number(last)] === undefined) return false;
    node[Number(last)] = undefined; // compacted after every error is handled, so later pointers stay valid
  } else {
    if (!(last in node)) return false;
    delete (node as Record<string, unknown>)[last];
  }
  return true;
}

const fieldName = (pointer: string): string =>
  pointer
    .slice(1)
    .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
    .replace(/\//g, '.') || '(root)';

/** Validates a parsed workload and resolves it against its profile. */
export function resolveWorkload(raw: unknown, options: { profile?: ProfileName; source?: string | null } = {}): Workload {
  const problems: WorkloadProblem[] = [];
  let input: RawWorkload = {};
  if (raw !== undefined) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) problems.push(problem('(root)', configText('workload.notObject')));
    else input = structuredClone(raw) as RawWorkload;
  }
  for (let pass = 0; pass < 4 && !validate(input); pass++) {
    // Each error names its field; the field is removed (so the profile's value applies) and the file revalidated,
    // because removing one field can be what makes its parent valid.
    for (const err of validate.errors ?? []) {
      const extra = (err.params as { additionalProperty?: string }).additionalProperty;
      const pointer = extra !== undefined ? `${err.instancePath}/${extra}` : err.instancePath;
      const name = fieldName(pointer);
      const allowed = (err.params as { allowedValues?: unknown[] }).allowedValues;
      const values = allowed ? `: ${allowed.join(', ')}` : '';
      const schema = schemaText(err);
      const found =
        extra !== undefined
          ? problem(name, configText('workload.unknownField', { name }))
          : err.keyword === 'anyOf' || err.schemaPath.includes('/anyOf/')
            ? problem(name, configText('workload.overrideNeedsSite'))
            : err.keyword === 'required'
              ? problem(name, configText('workload.entryIgnored', { schema }))
              : problem(name, configText('workload.useProfileValue', { schema, values }));
      if (!pointer) {
        problems.push(problem(name, configText('workload.useProfileAlone', { schema })));
        input = {};
        break;
      }
      if (removeAt(input, pointer) && !problems.some((p) => p.field === name)) problems.push(found);
    }
    compactArrays(input);
  }
  // A profile given on the command line wins over the file's.
  const profile = options.profile ?? input.profile ?? 'medium';
  const assumptions: UsageAssumptions = { ...PROFILES[profile], ...input.assumptions };
  if (assumptions.peakRequestsPerSecond < assumptions.avgRequestsPerSecond) {
    problems.push(
      problem(
        'assumptions.peakRequestsPerSecond',
        configText('workload.peakBelowAverage', { peak: assumptions.peakRequestsPerSecond, average: assumptions.avgRequestsPerSecond }),
      ),
    );
    assumptions.peakRequestsPerSecond = assumptions.avgRequestsPerSecond;
  }
  const datasets: GpuDataset[] = [];
  for (const [i, d] of (input.gpu?.datasets ?? []).entries()) {
    const entry: GpuDataset = { file: d.file };
    if (d.bytes !== undefined) entry.bytes = parseBytes(d.bytes);
    if (d.sizes) entry.sizes = Object.fromEntries(Object.entries(d.sizes).map(([k, v]) => [k, parseBytes(v)]));
    if (entry.bytes !== undefined && !Number.isFinite(entry.bytes)) {
      problems.push(problem(`gpu.datasets[${i}].bytes`, configText('workload.notBytes')));
      delete entry.bytes;
    }
    datasets.push(entry);
  }
  return {
    profile,
    assumptions,
    overridden: Object.keys(input.assumptions ?? {}) as Array<keyof UsageAssumptions>,
    calls: input.calls ?? [],
    gpu: { targetGpu: input.gpu?.targetGpu, safetyFactor: input.gpu?.safetyFactor, instances: input.gpu?.instances, datasets },
    engines: input.engines ?? [...ENGINE_IDS],
    prices: withPriceOverrides(input.prices),
    source: options.source ?? null,
    problems,
  };
}

function compactArrays(node: unknown): void {
  if (Array.isArray(node)) {
    for (let i = node.length - 1; i >= 0; i--) if (node[i] === undefined) node.splice(i, 1);
    node.forEach(compactArrays);
  } else if (node && typeof node === 'object') {
    for (const v of Object.values(node)) compactArrays(v);
  }
}

/**
 * The default workload file: at the root, else in the first scanned folder that has one (`report examples` finds
 * examples/ai-infra-advisor.workload.json); a scanned file stands for its folder.
 */
export function findWorkloadFile(root: string, scanned: readonly string[] = []): string {
  const candidates = [root, ...scanned.map((p) => (existsSync(p) && statSync(p).isDirectory() ? p : dirname(p)))];
  return candidates.map((dir) => join(dir, WORKLOAD_FILE_NAME)).find((f) => existsSync(f)) ?? join(root, WORKLOAD_FILE_NAME);
}

/** Reads the workload file (an explicit path, or the default name at the root or in a scanned folder); a missing default file is fine. */
export function loadWorkloadFile(
  root: string,
  options: { path?: string; profile?: ProfileName; scanned?: readonly string[] } = {},
): Workload & { fatal?: string } {
  const path = options.path ?? findWorkloadFile(root, options.scanned);
  if (!existsSync(path)) {
    const w = resolveWorkload(undefined, { profile: options.profile });
    return options.path ? { ...w, fatal: `workload file not found: ${options.path}` } : w;
  }
  const text = readSettingsFile(path);
  if (typeof text !== 'string') {
    const w = resolveWorkload(undefined, { profile: options.profile, source: path });
    w.problems.push(problem('(file)', configText('workload.unreadable', { path, why: text.why })));
    return w;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const w = resolveWorkload(undefined, { profile: options.profile, source: path });
    w.problems.push(problem('(file)', configText('workload.badJson', { path, error: (err as Error).message })));
    return w;
  }
  return resolveWorkload(raw, { profile: options.profile, source: path });
}

/** The overrides that apply to one call site: every matching entry, later entries winning. */
export function overridesFor(workload: Workload, path: string, line: number, fn: string | null): CallOverride {
  const merged: CallOverride = {};
  for (const o of workload.calls) {
    const bySite = o.site !== undefined && o.site === `${path}:${line}`;
    const byLabel = o.label !== undefined && fn !== null && (o.label === fn || o.label === `${path}#${fn}`);
    if (bySite || byLabel) Object.assign(merged, o);
  }
  return merged;
}
