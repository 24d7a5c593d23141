// Pure mappings from the core's findings and summaries to LSP shapes: diagnostics, quick fixes, suppression edits,
// hover text and CodeLens titles. No connection here, so every mapping is unit-tested directly.
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Hover, type CodeLens, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../core/analyze';
import type { Finding, Language, LlmCallSummary, SourceRange } from '../core/model/types';
import { formatBytes } from '../core/model/units';
import { docsUrl } from '../core/rules/rule';
import { storeName } from '../core/rules/shared/llm-text';
import { phrase } from '../core/rules/shared/phrases';
import { deviceBytes, GPU_CATALOG, type GpuSpec } from '../core/sizing/gpu-catalog';
import { formatUsd } from '../core/sizing/llm-estimate';
import { DIAGNOSTIC_SOURCE, OPEN_DOCS_COMMAND } from './protocol';
import { LSP_STRINGS, type LspLang } from './lsp-strings';

export function toLspRange(r: SourceRange): Range {
  return { start: { line: r.startLine - 1, character: r.startColumn - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** A stable key for a finding, so code actions find the finding behind a diagnostic without re-analysing. */
export function findingKey(f: Finding): string {
  return `${f.ruleId}@${f.range.startLine}:${f.range.startColumn}-${f.range.endLine}:${f.range.endColumn}`;
}

export function toDiagnostic(f: Finding, uri: string): Diagnostic {
  const d: Diagnostic = {
    range: toLspRange(f.range), severity: SEVERITY[f.severity], source: DIAGNOSTIC_SOURCE, message: f.message,
    code: f.ruleId, codeDescription: { href: docsUrl(f.ruleId) }, data: { key: findingKey(f) },
  };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: toLspRange(r.range) }, message: r.message }));
  return d;
}

/** Line comment syntax per language, for suppression directives. */
export function commentPrefix(language: Language): string {
  return language === 'python' ? '#' : '//';
}

/** Quick fixes for one finding: its own fix (preferred), suppress for the line, suppress for the file, open docs. */
export function codeActionsFor(f: Finding, doc: TextDocument, language: Language, diagnostic: Diagnostic, lang: LspLang = 'en'): CodeAction[] {
  const S = LSP_STRINGS[lang];
  const actions: CodeAction[] = [];
  for (const fix of f.fixes ?? []) {
    const edits: TextEdit[] = fix.edits.map((e) => ({ range: { start: doc.positionAt(e.startOffset), end: doc.positionAt(e.endOffset) }, newText: e.newText }));
    actions.push({ title: fix.description, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: actions.length === 0, edit: { changes: { [doc.uri]: edits } } });
  }
  const prefix = commentPrefix(language);
  const line = f.range.startLine - 1;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  actions.push({
    title: S.suppressLine(f.ruleId), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${prefix} ai-infra-advisor-disable-next-line ${f.ruleId}\n` }] } },
  });
  // After a shebang or a Python encoding line, which must stay first.
  const first = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
  const top = /^#!|^#.*coding[:=]/.test(first) ? 1 : 0;
  actions.push({
    title: S.suppressFile(f.ruleId), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: [{ range: { start: { line: top, character: 0 }, end: { line: top, character: 0 } }, newText: language === 'python' ? `# ai-infra-advisor-disable ${f.ruleId}\n` : `/* ai-infra-advisor-disable ${f.ruleId} */\n` }] } },
  });
  actions.push({ title: S.openDocs(f.ruleId), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: S.openDocsCommand, command: OPEN_DOCS_COMMAND, arguments: [f.ruleId, docsUrl(f.ruleId)] } });
  return actions;
}

/** `1.2k`, `950`, `16k`: token counts for a one-line CodeLens. */
export function shortCount(n: number): string {
  if (n < 1000) return String(n);
  const k = n / 1000;
  return `${k < 10 ? k.toFixed(1).replace(/\.0$/, '') : Math.round(k)}k`;
}

/** The smallest catalog GPU that holds the bytes at the safety factor, and whether the target does. */
export function gpuFitText(bytes: number, target: GpuSpec, safetyFactor: number, lang: LspLang = 'en'): string {
  const S = LSP_STRINGS[lang];
  const fits = (g: GpuSpec) => bytes <= deviceBytes(g) * safetyFactor;
  const smallest = [...GPU_CATALOG].sort((a, b) => a.memoryGiB - b.memoryGiB).find(fits);
  if (fits(target)) return S.fits(target.name);
  return smallest ? S.fitsNot(smallest.name, target.name) : S.fitsNone([...GPU_CATALOG].sort((a, b) => b.memoryGiB - a.memoryGiB)[0]!.name);
}

function daysText(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  return `${seconds} s`;
}

export function llmLensTitle(c: LlmCallSummary, lang: LspLang = 'en'): string {
  const S = LSP_STRINGS[lang];
  const tokens = c.estOutputTokens === null ? S.tokensIn(shortCount(c.estInputTokens)) : S.tokens(shortCount(c.estInputTokens + c.estOutputTokens));
  const cost = c.estCostUsd === null ? S.priceUnknown : S.perCall(formatUsd(c.estCostUsd));
  const store = c.store ? `${S.storedIn(storeName(c.store, lang))}${ttlText(c, lang)}` : S.notStored;
  return `${tokens} · ${cost} · ${store}`;
}

function ttlText(c: LlmCallSummary, lang: LspLang): string {
  const S = LSP_STRINGS[lang];
  return c.ttl ? S.ttl(c.ttl.seconds === null ? S.ttlSet : daysText(c.ttl.seconds)) : S.noTtl;
}


/** CodeLenses above allocations and OpenAI calls, one per line. */
export function codeLenses(a: FileAnalysis, target: GpuSpec, safetyFactor: number, lang: LspLang = 'en'): CodeLens[] {
  const S = LSP_STRINGS[lang];
  const lenses: CodeLens[] = [];
  const at = (line: number): Range => ({ start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 0 } });
  const seen = new Set<number>();
  for (const al of a.gpu?.allocations ?? []) {
    if (seen.has(al.line)) continue;
    seen.add(al.line);
    const title = al.bytes === null
      ? S.sizeAtRunTime(al.sizeExpr)
      : `≈ ${S.memory(formatBytes(al.bytes, { exact: false }), S.spaces[al.space] ?? al.space)}${al.space === 'device' || al.space === 'managed' ? ` · ${gpuFitText(al.bytes, target, safetyFactor, lang)}` : ''}`;
    lenses.push({ range: at(al.line), command: { title, command: '' } });
  }
  for (const c of a.llm?.calls ?? []) {
    if (seen.has(c.line)) continue;
    seen.add(c.line);
    lenses.push({ range: at(c.line), command: { title: llmLensTitle(c, lang), command: '' } });
  }
  return lenses.sort((x, y) => x.range.start.line - y.range.start.line);
}

/** Hover on a line with an allocation, a copy or an OpenAI call: the numbers and how they were computed. */
export function hoverAt(a: FileAnalysis, line: number, target: GpuSpec, safetyFactor: number, lang: LspLang = 'en'): Hover | null {
  const S = LSP_STRINGS[lang];
  const H = S.hover;
  const space = (x: string) => S.spaces[x] ?? x;
  const parts: string[] = [];
  for (const al of a.gpu?.allocations.filter((x) => x.line === line) ?? []) {
    parts.push(`**${al.api}** — ${al.bytes === null ? S.sizeAtRunTime(`\`${al.sizeExpr}\``) : H.ofMemory(formatBytes(al.bytes), space(al.space))}`);
    if (al.bytes !== null) parts.push(H.size(`\`${al.sizeExpr}\``, al.bytes.toLocaleString('en-US'), al.inLoop));
    if (al.bytes !== null && (al.space === 'device' || al.space === 'managed')) parts.push(H.gpu(gpuFitText(al.bytes, target, safetyFactor, lang), safetyFactor));
  }
  for (const t of a.gpu?.transfers.filter((x) => x.line === line) ?? []) {
    parts.push(`**${t.api}** — ${H.transfer(t.direction, t.bytes === null ? S.sizeAtRunTime(`\`${t.sizeExpr}\``) : formatBytes(t.bytes), t.async, t.inLoop)}`);
  }
  if (parts.length && a.gpu) {
    const g = a.gpu;
    const peak = `${g.peakDeviceBytes === null ? H.unknown : `${g.peakIsLowerBound ? '≥ ' : ''}${formatBytes(g.peakDeviceBytes)}`}${g.peakUnknownExprs.length ? ` + ${g.peakUnknownExprs.map((e) => `\`${e}\``).join(' + ')}` : ''}`;
    parts.push(H.peak(peak, g.strategy, g.peakDeviceBytes !== null ? gpuFitText(g.peakDeviceBytes, target, safetyFactor, lang) : '', g.peakIsLowerBound));
  }
  for (const c of a.llm?.calls.filter((x) => x.line === line) ?? []) {
    parts.push(`**${c.operation}** (${c.model ?? H.modelUnknown})`);
    const output = c.estOutputTokens === null ? null : H.output(`${c.outputBound === 'model-maximum' ? '≤ ' : ''}${c.estOutputTokens}`, c.outputBound === 'max-tokens' ? 'max-tokens' : c.outputBound === 'model-maximum' ? 'model-maximum' : 'embedding');
    parts.push(H.tokens(`${c.estInputIsLowerBound ? '≥ ' : '≈ '}${c.estInputTokens}`, output));
    if (c.estCostUsd !== null) parts.push(H.cost(formatUsd(c.estCostUsd), formatUsd(c.estBatchCostUsd!)));
    if (c.estResponseBytes !== null) parts.push(H.response(formatBytes(c.estResponseBytes)));
    parts.push(c.store ? H.stored(storeName(c.store, lang), c.store.api, c.store.line, c.ttl ? `${ttlText(c, lang)} (${c.ttl.how})` : S.noTtl) : H.resultNotStored);
    if (c.store?.at && c.store.viaHelper) parts.push(phrase(lang, 'storedBy', { helper: c.store.viaHelper, path: c.store.at.path, line: c.store.at.line }));
    parts.push(H.cache(c.cacheBeforeCall));
    if (c.unknowns.length) parts.push(H.unknowns(c.unknowns.join('; ')));
  }
  if (!parts.length) return null;
  return { contents: { kind: 'markdown', value: parts.map(escapeHoverLine).join('\n\n') } };
}

/** Hover Markdown: scanned text (expressions, model names) may hold Markdown or HTML; keep it literal. */
function escapeHoverLine(line: string): string {
  // Inline code spans we wrote stay; everything else has HTML-significant characters neutralised.
  return line.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
