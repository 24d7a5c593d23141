// SARIF 2.1.0 for code-scanning UIs (GitHub, Azure DevOps, VS Code's SARIF viewer). Validated in tests against
// the official schema (sarif-2.1.0-rtm.5.json). Every string passes the credential choke point (redactDeep); the
// scanned root is a real file URI (a folder `my proj#1%41?x` is percent-encoded, not read as a fragment or query).
import { problemsIn } from '../config';
import type { AnalysisResult } from '../analyze';
import type { Severity } from '../model/types';
import { RULES } from '../rules';
import { docsUrl } from '../rules/rule';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { redactDeep } from '../model/redact';

/** The scanned root as the `file:` URI of a folder (trailing slash: SARIF resolves artifact URIs against it). */
export function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function toSarif(result: AnalysisResult): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const uri = (path: string) => path.split('/').map(encodeURIComponent).join('/');
  return redactDeep({
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
            toolConfigurationNotifications: problemsIn(result.configProblems, result.config.lang).map((p) => ({ level: 'warning', message: { text: `${p.field}: ${p.message}` } })),
            // A file that could not be analysed is an error notification (its findings are missing), one left out by
            // a rule a note; an unknown id in a suppression comment a warning.
            toolExecutionNotifications: [
              ...result.skipped.map((s) => (s.failed
                ? { level: 'error', descriptor: { id: 'file-not-analysed' }, message: { text: `not analysed ${s.path}: ${s.reason}` }, locations: [{ physicalLocation: { artifactLocation: { uri: uri(s.path), uriBaseId: 'SRCROOT' } } }] }
                : { level: 'note', message: { text: `skipped ${s.path}: ${s.reason}` } })),
              ...result.files.flatMap((f) => (f.warnings ?? []).map((w) => ({ level: 'warning', message: { text: `${f.path}: ${w}` } }))),
            ],
          },
        ],
        results: result.findings.map((f) => ({
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
                  id: i + 1, message: { text: r.message },
                  physicalLocation: { artifactLocation: { uri: uri(f.path), uriBaseId: 'SRCROOT' }, region: { startLine: r.range.startLine, startColumn: r.range.startColumn, endLine: r.range.endLine, endColumn: r.range.endColumn } },
                })),
              }
            : {}),
          partialFingerprints: { 'primaryLocationLineHash/v1': createHash('sha256').update(`${f.ruleId}|${f.path}|${f.message}`).digest('hex').slice(0, 32) },
          ...(f.fixes
            ? {
                fixes: f.fixes.map((fix) => ({
                  description: { text: fix.description },
                  artifactChanges: [
                    {
                      artifactLocation: { uri: uri(f.path), uriBaseId: 'SRCROOT' },
                      replacements: fix.edits.map((e) => ({ deletedRegion: { charOffset: e.startOffset, charLength: e.endOffset - e.startOffset }, insertedContent: { text: e.newText } })),
                    },
                  ],
                })),
              }
            : {}),
        })),
      },
    ],
  });
}
