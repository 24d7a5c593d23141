// The baseline: the findings a team accepts today, by stable fingerprint (model/fingerprint.ts), in a committed file
// (docs/baseline.schema.json). Scans, SARIF and the editor then show only what is new. The CLI and the language server
// only call these functions.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINGERPRINT_VERSION, fingerprintFindings, type FingerprintOptions } from './model/fingerprint';
import type { Finding } from './model/types';

export const BASELINE_FILE_NAME = 'ai-infra-advisor.baseline.json';
export const BASELINE_SCHEMA_ID = 'https://github.com/ai-infra-advisor/ai-infra-advisor/docs/baseline.schema.json';
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  /** The file, relative to the scanned root (for people reading the file; matching uses the fingerprint). */
  path: string;
}

export interface BaselineFile {
  $schema: string;
  version: number;
  fingerprintVersion: number;
  findings: BaselineEntry[];
}

/** The baseline of these findings: sorted by path, rule, fingerprint; no dates or line numbers, so it only changes with the findings. */
export function createBaseline(findings: readonly Finding[], options: FingerprintOptions): BaselineFile {
  const prints = fingerprintFindings(findings, options);
  const entries = findings.map((f, i) => ({ fingerprint: prints[i]!, ruleId: f.ruleId, path: options.pathOf ? options.pathOf(f.path) : f.path }));
  entries.sort((a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { $schema: BASELINE_SCHEMA_ID, version: BASELINE_VERSION, fingerprintVersion: FINGERPRINT_VERSION, findings: entries };
}

export function baselineText(b: BaselineFile): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}

/** The baseline's fingerprints, or why the file cannot be used (named: a bad baseline must not hide or show everything silently). */
export function parseBaseline(text: string, source: string): { fingerprints: Set<string> } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { error: `${source} is not JSON: ${(err as Error).message}` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { error: `${source} must be an object with "version" and "findings"` };
  const r = raw as Record<string, unknown>;
  if (r.version !== BASELINE_VERSION)
    return { error: `${source} has version ${JSON.stringify(r.version)}; this version of the tool reads version ${BASELINE_VERSION}` };
  if (r.fingerprintVersion !== FINGERPRINT_VERSION)
    return {
      error: `${source} was written with fingerprint version ${JSON.stringify(r.fingerprintVersion)}; write it again with \`ai-infra-advisor baseline\``,
    };
  if (!Array.isArray(r.findings)) return { error: `${source}: "findings" must be a list` };
  const fingerprints = new Set<string>();
  for (const [i, e] of r.findings.entries()) {
    const fp = (e as { fingerprint?: unknown } | null)?.fingerprint;
    if (typeof fp !== 'string' || !/^[0-9a-f]{32}$/.test(fp))
      return { error: `${source}: findings[${i}].fingerprint must be 32 hexadecimal characters` };
    fingerprints.add(fp);
  }
  return { fingerprints };
}

/** Reads `file`, or ai-infra-advisor.baseline.json in `root` when present; null when there is none. */
export function loadBaseline(root: string, file?: string): { fingerprints: Set<string>; source: string } | { error: string } | null {
  const path = file ?? join(root, BASELINE_FILE_NAME);
  if (!file && !existsSync(path)) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { error: `cannot read the baseline ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  const parsed = parseBaseline(text, path);
  return 'error' in parsed ? parsed : { fingerprints: parsed.fingerprints, source: path };
}

/** Splits findings into new ones and baselined ones (with their fingerprints, in the order given). */
export function splitByBaseline<F extends Finding>(
  findings: readonly F[],
  baseline: ReadonlySet<string>,
  options: FingerprintOptions,
): { fresh: F[]; baselined: F[]; fingerprints: string[] } {
  const fingerprints = fingerprintFindings(findings, options);
  const fresh: F[] = [];
  const baselined: F[] = [];
  findings.forEach((f, i) => (baseline.has(fingerprints[i]!) ? baselined : fresh).push(f));
  return { fresh, baselined, fingerprints };
}

/** How the editor shows baselined findings (setting aiInfraAdvisor.baseline). */
export type BaselineMode = 'hide' | 'info' | 'off';
export const BASELINE_MODES: readonly BaselineMode[] = ['hide', 'info', 'off'];

/** The findings as the editor shows them: baselined ones left out (hide) or downgraded to information (info). */
export function applyBaseline<F extends Finding>(
  findings: readonly F[],
  baseline: ReadonlySet<string> | null,
  mode: BaselineMode,
  options: FingerprintOptions,
): F[] {
  if (!baseline || mode === 'off' || !findings.length) return [...findings];
  const prints = fingerprintFindings(findings, options);
  return findings.flatMap((f, i) => (!baseline.has(prints[i]!) ? [f] : mode === 'hide' ? [] : [{ ...f, severity: 'info' as const }]));
}

/**
 * The baseline of a folder for a long-running reader (the language server): read again only when the file's
 * modification time or size changes; a bad file is reported once through `onError` and ignored.
 */
export class BaselineCache {
  private readonly entries = new Map<string, { stamp: string; fingerprints: Set<string> | null }>();
  constructor(
    private readonly onError: (message: string) => void,
    private readonly statOf: (path: string) => { mtimeMs: number; size: number } | null,
  ) {}

  get(root: string): Set<string> | null {
    const path = join(root, BASELINE_FILE_NAME);
    const st = this.statOf(path);
    if (!st) {
      this.entries.delete(root);
      return null;
    }
    const stamp = `${st.mtimeMs}:${st.size}`;
    const cached = this.entries.get(root);
    if (cached && cached.stamp === stamp) return cached.fingerprints;
    const loaded = loadBaseline(root);
    const fingerprints = loaded && 'fingerprints' in loaded ? loaded.fingerprints : null;
    if (loaded && 'error' in loaded) this.onError(loaded.error);
    this.entries.set(root, { stamp, fingerprints });
    return fingerprints;
  }
}
