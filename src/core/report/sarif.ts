// SARIF 2.1.0 for code-scanning UIs (GitHub, Azure DevOps, VS Code's SARIF viewer). Validated in tests against
// the official schema (sarif-2.1.0-rtm.5.json). Every string passes the credential choke point (redactDeep); the
// scanned root is a real file URI (a folder `my proj#1%41?x` is percent-encoded, not read as a fragment or query).
import { problemsIn } from '../config';
import type { AnalysisResult } from '../analyze';
import type { Severity } from '../model/types';
import { RULES } from '../rules';
import { docsUrl } from '../rules/rule';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { redactDeep } from '../model/redact';
import { fingerprintFindings } from '../model/fingerprint';
import { SEVERITY_ORDER } from '../model/types';

/** GitHub code scanning's upload limits (docs.github.com "SARIF support for code scanning", read 2026-12-03). */
export const SARIF_MAX_RESULTS = 25_000;
export const SARIF_MAX_GZIP_BYTES = 10 * 1024 * 1024;

export interface SarifOptions {
  /** The file's text by its path relative to the root (fingerprints); default: read from disk under the root. */
  textOf?: (path: string) => string | null;
  /** Fingerprints of baselined findings: their results get `baselineState: "unchanged"`, the others `"new"`. */
  baseline?: ReadonlySet<string>;
  /** With a baseline: leave the baselined results out instead of marking them. */
  omitBaselined?: boolean;
  /** Limits (tests make them small); default GitHub's. */
  maxResults?: number;
  maxGzipBytes?: number;
}

/** Reads a scanned file for fingerprints; null when it is gone or unreadable. */
export function diskText(root: string): (path: string) => string | null {
  return (path) => {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return null;
    }
  };
}

/** The scanned root as the `file:` URI of a folder (trailing slash: SARIF resolves artifact URIs against it). */
export function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function toSarif(result: AnalysisResult, options: SarifOptions = {}): object {
  const fingerprints = fingerprintFindings(result.findings, { textOf: options.textOf ?? diskText(result.root) });
  const maxResults = options.maxResults ?? SARIF_MAX_RESULTS;
  const maxGzip = options.maxGzipBytes ?? SARIF_MAX_GZIP_BYTES;
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const uri = (path: string) => path.split('/').map(encodeURIComponent).join('/');
  const log = redactDeep({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: 'https://github.com/ai-infra-advisor/ai-infra-advisor',
            rules: RULES.map((r) => ({
              id: r.meta.id,
              name: r.meta.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.meta.description },
              helpUri: docsUrl(r.meta.id),
              defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity], enabled: true },
              properties: { category: r.meta.category },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: rootUri(result.root) } },
        invocations: [
          {
            executionSuccessful: true,
            toolConfigurationNotifications: problemsIn(result.configProblems, result.config.lang).map((p) => ({
              level: 'warning',
              message: { text: `${p.field}: ${p.message}` },
            })),
            // A file that could not be analysed is an error notification (its findings are missing), one left out by
            // a rule a note; an unknown id in a suppression comment a warning.
            toolExecutionNotifications: [
              ...result.skipped.map((s) =>
                s.failed
                  ? {
                      level: 'error',
                      descriptor: { id: 'file-not-analysed' },
                      message: { text: `not analysed ${s.path}: ${s.reason}` },
                      locations: [{ physicalLocation: { artifactLocation: { uri: uri(s.path), uriBaseId: 'SRCROOT' } } }],
                    }
                  : { level: 'note', message: { text: `skipped ${s.path}: ${s.reason}` } },
              ),
              ...result.files.flatMap((f) => (f.warnings ?? []).map((w) => ({ level: 'warning', message: { text: `${f.path}: ${w}` } }))),
            ],
          },
        ],
        results: result.findings
          .map((f, i) => ({ f, fingerprint: fingerprints[i]! }))
          .filter(({ fingerprint }) => !(options.omitBaselined && options.baseline?.has(fingerprint)))
          .map(({ f, fingerprint }) => ({
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uri(f.path), uriBaseId: 'SRCROOT' },
                  region: { startLine: f.range.startLine, startColumn: f.range.startColumn, endLine: f.range.endLine, endColumn: f.range.endColumn },
                },
              },
            ],
            ...(f.related
              ? {
                  relatedLocations: f.related.map((r, i) => ({
                    id: i + 1,
                    message: { text: r.message },
                    physicalLocation: {
                      artifactLocation: { uri: uri(f.path), uriBaseId: 'SRCROOT' },
                      region: {
                        startLine: r.range.startLine,
                        startColumn: r.range.startColumn,
                        endLine: r.range.endLine,
                        endColumn: r.range.endColumn,
                      },
                    },
                  })),
                }
              : {}),
            // Our own key (rule, file, normalised line text, occurrence): GitHub de-duplicates across runs with it.
            partialFingerprints: { 'aiInfraAdvisor/v1': fingerprint },
            ...(options.baseline ? { baselineState: options.baseline.has(fingerprint) ? 'unchanged' : 'new' } : {}),
            ...(f.fixes
              ? {
                  fixes: f.fixes.map((fix) => ({
                    description: { text: fix.description },
                    artifactChanges: [
                      {
                        artifactLocation: { uri: uri(f.path), uriBaseId: 'SRCROOT' },
                        replacements: fix.edits.map((e) => ({
                          deletedRegion: { charOffset: e.startOffset, charLength: e.endOffset - e.startOffset },
                          insertedContent: { text: e.newText },
                        })),
                      },
                    ],
                  })),
                }
              : {}),
          })),
      },
    ],
  });
  return capResults(log as SarifLog, maxResults, maxGzip);
}

interface SarifLog {
  runs: Array<{
    results: Array<{ level: string }>;
    invocations: Array<{ toolExecutionNotifications: object[] }>;
    properties?: Record<string, unknown>;
  }>;
}

/**
 * Keeps a log inside the upload limits: the most severe results first, then fewer until the gzipped log fits. What was
 * left out is said in the run's properties and in a notification, never dropped silently.
 */
function capResults(log: SarifLog, maxResults: number, maxGzipBytes: number): SarifLog {
  const run = log.runs[0]!;
  const total = run.results.length;
  const rank: Record<string, number> = { error: SEVERITY_ORDER.error, warning: SEVERITY_ORDER.warning, note: SEVERITY_ORDER.info };
  const ordered =
    total > maxResults || gzipSync(JSON.stringify(log)).length > maxGzipBytes
      ? run.results.map((r, i) => ({ r, i })).sort((a, b) => (rank[b.r.level] ?? 0) - (rank[a.r.level] ?? 0) || a.i - b.i)
      : null;
  if (!ordered) return log;
  let keep = Math.min(total, maxResults);
  for (;;) {
    run.results = ordered
      .slice(0, keep)
      .sort((a, b) => a.i - b.i)
      .map((x) => x.r);
    const why = `${total - keep} of ${total} results left out (GitHub code scanning accepts at most ${maxResults.toLocaleString('en-US')} results and ${(maxGzipBytes / 1024 / 1024).toFixed(0)} MB gzipped per upload); the most severe are kept`;
    run.properties = { ...run.properties, truncated: true, resultsTotal: total, resultsKept: keep, note: why };
    const notes = run.invocations[0]!.toolExecutionNotifications.filter(
      (n) => (n as { descriptor?: { id?: string } }).descriptor?.id !== 'results-truncated',
    );
    run.invocations[0]!.toolExecutionNotifications = [
      ...notes,
      { level: 'warning', descriptor: { id: 'results-truncated' }, message: { text: why } },
    ];
    if (keep === 0 || gzipSync(JSON.stringify(log)).length <= maxGzipBytes) return log;
    keep = Math.floor(keep * 0.8);
  }
}
