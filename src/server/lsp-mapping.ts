// Pure mappings from the core's findings and summaries to LSP shapes: diagnostics, quick fixes, suppression edits,
// hover text and CodeLens titles. No connection here, so every mapping is unit-tested directly. Scanned text reaches
// the editor only through `plain` (diagnostics, titles, CodeLens: keys masked, controls shown), `escapeMarkdown` and
// `markdownCode` (the hover), and the fix edits through the credential choke point.
import { PROVIDER_NAMES } from '../core/facts/llm-providers';
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type CodeLens,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../core/analyze';
import type { Finding, Language, LlmCallSummary, MemoryStrategy, SourceRange, TransferDirection } from '../core/model/types';
import { noteText } from '../core/model/estimate-notes';
import { formatBytes, formatInteger, isSizeInRange } from '../core/model/units';
import { redactSecrets } from '../core/model/redact';
import { showControlChars } from '../core/report/control-chars';
import { escapeMarkdown, markdownCode } from '../core/report/markdown';
import { docsUrl } from '../core/rules/rule';
import { storeName } from '../core/rules/shared/llm-text';
import { phrase } from '../core/rules/shared/phrases';
import { budgetBytes, GPU_CATALOG, type GpuSpec } from '../core/sizing/gpu-catalog';
import { formatUsd } from '../core/sizing/llm-estimate';
import { DIAGNOSTIC_SOURCE, OPEN_DOCS_COMMAND } from './protocol';
import { LSP_MESSAGES, lspText as t } from './lsp-strings';
import type { Lang } from '../core/l10n';

export function toLspRange(r: SourceRange): Range {
  return { start: { line: r.startLine - 1, character: r.startColumn - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } };
}

/** Plain editor text (diagnostic messages, action titles, CodeLens): keys masked, invisible characters shown. */
function plain(text: string): string {
  // `$(name)` is an icon in a CodeLens title: a literal one stays text.
  return showControlChars(redactSecrets(text), { lineBreaks: true }).replace(/\$\(/g, '$\u200b(');
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** A stable key for a finding, so code actions find the finding behind a diagnostic without re-analysing. */
export function findingKey(f: Finding): string {
  return `${f.ruleId}@${f.range.startLine}:${f.range.startColumn}-${f.range.endLine}:${f.range.endColumn}`;
}

export function toDiagnostic(f: Finding, uri: string): Diagnostic {
  const d: Diagnostic = {
    range: toLspRange(f.range),
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    message: plain(f.message),
    code: f.ruleId,
    codeDescription: { href: docsUrl(f.ruleId) },
    data: { key: findingKey(f) },
  };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: toLspRange(r.range) }, message: plain(r.message) }));
  return d;
}

/** Line comment syntax per language, for suppression directives. */
export function commentPrefix(language: Language): string {
  return language === 'python' ? '#' : '//';
}

/** Quick fixes for one finding: its own fix (preferred), suppress for the line, suppress for the file, open docs. */
export function codeActionsFor(f: Finding, doc: TextDocument, language: Language, diagnostic: Diagnostic, lang: Lang = 'en'): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const fix of f.fixes ?? []) {
    // A key the fix would write back (a second key in the same literal) is written masked: it must be rotated anyway.
    const edits: TextEdit[] = fix.edits.map((e) => ({
      range: { start: doc.positionAt(e.startOffset), end: doc.positionAt(e.endOffset) },
      newText: redactSecrets(e.newText),
    }));
    actions.push({
      title: plain(fix.description),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: actions.length === 0,
      edit: { changes: { [doc.uri]: edits } },
    });
  }
  const prefix = commentPrefix(language);
  const line = f.range.startLine - 1;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  actions.push({
    title: t(lang, 'suppressLine', { rule: f.ruleId }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [doc.uri]: [
          {
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            newText: `${indent}${prefix} ai-infra-advisor-disable-next-line ${f.ruleId}\n`,
          },
        ],
      },
    },
  });
  // After a shebang or a Python encoding line, which must stay first.
  const first = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
  const top = /^#!|^#.*coding[:=]/.test(first) ? 1 : 0;
  actions.push({
    title: t(lang, 'suppressFile', { rule: f.ruleId }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [doc.uri]: [
          {
            range: { start: { line: top, character: 0 }, end: { line: top, character: 0 } },
            newText: language === 'python' ? `# ai-infra-advisor-disable ${f.ruleId}\n` : `/* ai-infra-advisor-disable ${f.ruleId} */\n`,
          },
        ],
      },
    },
  });
  actions.push({
    title: t(lang, 'openDocs', { rule: f.ruleId }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: t(lang, 'openDocsCommand'), command: OPEN_DOCS_COMMAND, arguments: [f.ruleId, docsUrl(f.ruleId)] },
  });
  return actions;
}

/** `1.2k`, `950`, `16k`: token counts for a one-line CodeLens. */
export function shortCount(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '?';
  if (n < 1000) return String(Math.round(n));
  const k = n / 1000;
  return `${k < 10 ? k.toFixed(1).replace(/\.0$/, '') : formatInteger(Math.round(k))}k`;
}

/** The smallest catalog GPU whose budget holds the bytes, and whether the target's does: the report's budget (budgetBytes). */
export function gpuFitText(bytes: number, target: GpuSpec, safetyFactor: number, lang: Lang = 'en'): string {
  const fits = (g: GpuSpec) => bytes <= budgetBytes(g, safetyFactor);
  const smallest = [...GPU_CATALOG].sort((a, b) => a.memoryGiB - b.memoryGiB).find(fits);
  if (fits(target)) return t(lang, 'fits', { gpu: target.name });
  if (smallest) return t(lang, 'fitsNot', { smallest: smallest.name, target: target.name });
  return t(lang, 'fitsNone', { largest: [...GPU_CATALOG].sort((a, b) => b.memoryGiB - a.memoryGiB)[0]!.name });
}

function daysText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  return `${seconds} s`;
}

export function llmLensTitle(c: LlmCallSummary, lang: Lang = 'en'): string {
  const tokens =
    c.estOutputTokens === null
      ? t(lang, 'tokensIn', { n: shortCount(c.estInputTokens) })
      : t(lang, 'tokens', { n: shortCount(c.estInputTokens + c.estOutputTokens) });
  const cost = c.estCostUsd === null ? t(lang, 'priceUnknown') : t(lang, 'perCall', { usd: formatUsd(c.estCostUsd) });
  const store = c.store ? `${t(lang, 'storedIn', { store: storeName(c.store, lang) })}${ttlText(c, lang)}` : t(lang, 'notStored');
  return `${tokens} · ${cost} · ${store}`;
}

function ttlText(c: LlmCallSummary, lang: Lang): string {
  return c.ttl ? t(lang, 'ttl', { value: c.ttl.seconds === null ? t(lang, 'ttlSet') : daysText(c.ttl.seconds) }) : t(lang, 'noTtl');
}

/** CodeLenses above allocations and OpenAI calls, one per line. */
export function codeLenses(a: FileAnalysis, target: GpuSpec, safetyFactor: number, lang: Lang = 'en'): CodeLens[] {
  const lenses: CodeLens[] = [];
  const at = (line: number): Range => ({ start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 0 } });
  const seen = new Set<number>();
  for (const al of a.gpu?.allocations ?? []) {
    // A lens only where it shows a number: "size known at run time" above every allocation is noise (the hover has it).
    if (seen.has(al.line) || al.bytes === null) continue;
    seen.add(al.line);
    const title = !isSizeInRange(al.bytes)
      ? t(lang, 'sizeOutOfRange', { expr: al.sizeExpr })
      : `≈ ${t(lang, 'memory', { bytes: formatBytes(al.bytes, { exact: false }), space: spaceName(lang, al.space) })}${al.space === 'device' || al.space === 'managed' ? ` · ${gpuFitText(al.bytes, target, safetyFactor, lang)}` : ''}`;
    lenses.push({ range: at(al.line), command: { title: plain(title), command: '' } });
  }
  for (const c of a.llm?.calls ?? []) {
    if (seen.has(c.line)) continue;
    seen.add(c.line);
    lenses.push({ range: at(c.line), command: { title: plain(llmLensTitle(c, lang)), command: '' } });
  }
  return lenses.sort((x, y) => x.range.start.line - y.range.start.line);
}

/** Hover on a line with an allocation, a copy or an OpenAI call: the numbers and how they were computed. */
export function hoverAt(a: FileAnalysis, line: number, target: GpuSpec, safetyFactor: number, lang: Lang = 'en'): Hover | null {
  const space = (x: string) => escapeMarkdown(spaceName(lang, x));
  const md = escapeMarkdown;
  const size = (bytes: number | null, expr: string, exact = true) =>
    bytes === null
      ? t(lang, 'sizeAtRunTime', { expr: markdownCode(expr) })
      : isSizeInRange(bytes)
        ? formatBytes(bytes, { exact })
        : t(lang, 'sizeOutOfRange', { expr: markdownCode(expr) });
  const parts: string[] = [];
  for (const al of a.gpu?.allocations.filter((x) => x.line === line) ?? []) {
    const known = al.bytes !== null && isSizeInRange(al.bytes);
    parts.push(
      `**${md(al.api)}** — ${known ? t(lang, 'hover.ofMemory', { bytes: formatBytes(al.bytes!), space: space(al.space) }) : size(al.bytes, al.sizeExpr)}`,
    );
    if (known) parts.push(t(lang, 'hover.size', { expr: markdownCode(al.sizeExpr), bytes: formatInteger(al.bytes!), inLoop: al.inLoop }));
    if (known && (al.space === 'device' || al.space === 'managed'))
      parts.push(
        t(lang, 'hover.gpu', {
          fit: md(gpuFitText(al.bytes!, target, safetyFactor, lang)),
          budget: formatBytes(budgetBytes(target, safetyFactor), { exact: false }),
          gpu: md(target.name),
        }),
      );
  }
  for (const x of a.gpu?.transfers.filter((tr) => tr.line === line) ?? []) {
    parts.push(
      `**${md(x.api)}** — ${t(lang, 'hover.transfer', { direction: md(idWord(lang, `direction.${x.direction}`)), size: size(x.bytes, x.sizeExpr), async: x.async, inLoop: x.inLoop })}`,
    );
  }
  if (parts.length && a.gpu) {
    const g = a.gpu;
    const known = g.peakDeviceBytes !== null && isSizeInRange(g.peakDeviceBytes);
    const peak = `${!known ? t(lang, 'hover.unknown') : `${g.peakIsLowerBound ? '≥ ' : ''}${formatBytes(g.peakDeviceBytes!)}`}${g.peakUnknownExprs.length ? ` + ${g.peakUnknownExprs.map(markdownCode).join(' + ')}` : ''}`;
    parts.push(
      t(lang, 'hover.peak', {
        peak,
        strategy: md(idWord(lang, `strategy.${g.strategy}`)),
        fit: known ? md(gpuFitText(g.peakDeviceBytes!, target, safetyFactor, lang)) : '',
        lowerBound: g.peakIsLowerBound,
      }),
    );
  }
  for (const c of a.llm?.calls.filter((x) => x.line === line) ?? []) {
    // Another provider's call names its provider (product names stay as they are in every language).
    parts.push(
      `**${md(c.operation)}** (${c.model === null ? t(lang, 'hover.modelUnknown') : md(c.model)}${c.provider && c.provider !== 'openai' ? ` · ${PROVIDER_NAMES[c.provider]}` : ''})`,
    );
    const output =
      c.estOutputTokens === null
        ? null
        : t(lang, 'hover.output', {
            n: `${c.outputBound === 'model-maximum' ? '≤ ' : ''}${formatInteger(c.estOutputTokens)}`,
            how: c.outputBound === 'max-tokens' ? 'max-tokens' : c.outputBound === 'model-maximum' ? 'model-maximum' : 'embedding',
          });
    parts.push(t(lang, 'hover.tokens', { input: `${c.estInputIsLowerBound ? '≥ ' : '≈ '}${formatInteger(c.estInputTokens)}`, output }));
    if (c.estCostUsd !== null) parts.push(t(lang, 'hover.cost', { onDemand: md(formatUsd(c.estCostUsd)), batch: md(formatUsd(c.estBatchCostUsd!)) }));
    if (c.estResponseBytes !== null) parts.push(t(lang, 'hover.response', { bytes: formatBytes(c.estResponseBytes) }));
    parts.push(
      c.store
        ? t(lang, 'hover.stored', {
            store: md(storeName(c.store, lang)),
            api: md(c.store.api),
            line: c.store.line,
            ttl: c.ttl ? `${md(ttlText(c, lang))} (${md(c.ttl.how)})` : t(lang, 'noTtl'),
          })
        : t(lang, 'hover.resultNotStored'),
    );
    // The phrase puts helper and path in code spans: inside one only a backtick (and what the choke point masks) matters.
    const inCode = (t: string) => showControlChars(redactSecrets(t), { lineBreaks: true }).replace(/`/g, "'");
    if (c.store?.at && c.store.viaHelper)
      parts.push(phrase(lang, 'storedBy', { helper: inCode(c.store.viaHelper), path: inCode(c.store.at.path), line: c.store.at.line }));
    parts.push(t(lang, c.cacheBeforeCall ? 'hover.cacheBefore' : 'hover.noCacheBefore'));
    if (c.notes.length) parts.push(t(lang, 'hover.unknowns', { list: c.notes.map((n) => md(noteText(n, lang))).join('; ') }));
  }
  if (!parts.length) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n') } };
}

/**
 * The word for a transfer direction or memory strategy id. Typed by the ids' unions, so the catalogue must have a word
 * for each (issue 20: no raw ids in Korean); a value outside them at run time is shown as it is.
 */
function idWord(lang: Lang, key: `direction.${TransferDirection}` | `strategy.${MemoryStrategy}`): string {
  return Object.prototype.hasOwnProperty.call(LSP_MESSAGES, key) ? t(lang, key) : key.slice(key.indexOf('.') + 1);
}

/** A memory space's word, by own property only (a space named `constructor` is shown as written). */
function spaceName(lang: Lang, space: string): string {
  const key = `space.${space}`;
  return Object.prototype.hasOwnProperty.call(LSP_MESSAGES, key) ? t(lang, key as 'space.device') : space;
}
