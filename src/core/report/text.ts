// Human-readable report for terminals, modelled on ESLint's "stylish": findings grouped by file, then the GPU
// memory summary per file with its evidence, then totals. Every field that comes from the scanned files (paths,
// messages, expressions, model names, reasons) goes through `escapeTerminal`: keys masked, ESC/OSC/BEL/C1/bidi and
// line breaks shown by code point, so a file name cannot colour, retitle or forge a line ("✔ 0 problems").
import { PROVIDER_NAMES } from '../facts/llm-providers';
import { problemsIn } from '../config';
import type { AnalysisResult } from '../analyze';
import { deviceBytes, openclMaxAllocBytes } from '../sizing/gpu-catalog';
import { formatBytes } from '../model/units';
import { formatUsd } from '../sizing/llm-estimate';
import { escapeTerminal as t } from './control-chars';

export function toText(result: AnalysisResult, options: { color?: boolean } = {}): string {
  const c = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  const gpu = result.targetGpu;
  out.push(
    `${result.tool.name} ${result.tool.version}: target GPU ${t(gpu.name)} (${formatBytes(deviceBytes(gpu))}; OpenCL max buffer ${formatBytes(openclMaxAllocBytes(gpu))})`,
  );
  for (const p of problemsIn(result.configProblems, result.config.lang)) out.push(c('33', `config: ${t(p.field)}: ${t(p.message)}`));
  const byFile = new Map<string, typeof result.findings>();
  for (const f of result.findings) {
    let list = byFile.get(f.path);
    if (!list) byFile.set(f.path, (list = []));
    list.push(f);
  }
  for (const [path, findings] of byFile) {
    out.push('', c('4', t(path)));
    for (const f of findings) {
      const sev = f.severity === 'error' ? c('31', 'error  ') : f.severity === 'warning' ? c('33', 'warning') : c('36', 'info   ');
      out.push(`  ${`${f.range.startLine}:${f.range.startColumn}`.padEnd(8)} ${sev}  ${t(f.message)}  ${c('2', f.ruleId)}`);
    }
  }
  if (result.gpu.length) {
    out.push('', c('1', 'GPU memory by file'));
    for (const g of result.gpu) {
      const peak = g.peakDeviceBytes === null ? 'unknown' : `${formatBytes(g.peakDeviceBytes)}${g.peakIsLowerBound ? ' at least' : ''}`;
      const rest = g.peakUnknownExprs.length ? ` + ${g.peakUnknownExprs.map(t).join(' + ')}` : '';
      out.push(`  ${t(g.path)}: strategy ${g.strategy}; peak device memory ${peak}${rest}`);
      for (const e of g.evidence.slice(0, 8)) out.push(c('2', `    line ${e.line}: ${t(e.note)}`));
      if (g.evidence.length > 8) out.push(c('2', `    ... ${g.evidence.length - 8} more`));
    }
  }
  if (result.llm.length) {
    out.push('', c('1', 'LLM API calls by file'));
    for (const f of result.llm) {
      out.push(`  ${t(f.path)}:`);
      for (const call of f.calls) {
        const tokens = `${call.estInputIsLowerBound ? '≥' : '≈'}${call.estInputTokens} in / ${call.estOutputTokens === null ? '?' : `${call.outputBound === 'model-maximum' ? '≤' : ''}${call.estOutputTokens}`} out tokens`;
        const cost = call.estCostUsd === null ? 'cost unknown' : `${formatUsd(call.estCostUsd)}/call (batch ${formatUsd(call.estBatchCostUsd!)})`;
        const where = call.store
          ? `stored in ${t(call.store.kind)} line ${call.store.line}${call.ttl ? `, TTL ${call.ttl.seconds === null ? 'set' : `${call.ttl.seconds} s`}` : ', no TTL'}`
          : 'not stored';
        const ctx = [
          call.inHandler ? 'request handler' : null,
          call.inLoop ? 'in a loop' : null,
          call.streaming ? 'streaming' : null,
          call.cacheBeforeCall ? 'cache checked first' : null,
        ]
          .filter(Boolean)
          .join(', ');
        // Whose API, and whether the token count is an approximation, when it is not OpenAI's own count.
        const who =
          call.provider && call.provider !== 'openai'
            ? ` (${PROVIDER_NAMES[call.provider]}${call.tokenCount?.method === 'chars-per-token' ? ', tokens approximate' : ''})`
            : '';
        out.push(
          `    line ${call.line}: ${t(call.operation)} ${call.model === null ? '(model unknown)' : t(call.model)}${who}: ${tokens}, ${call.estResponseBytes === null ? '? bytes' : formatBytes(call.estResponseBytes, { exact: false })}, ${cost}; ${where}${ctx ? `; ${ctx}` : ''}`,
        );
      }
    }
  }
  for (const f of result.files) for (const e of f.ruleErrors ?? []) out.push(c('31', `internal error in ${t(f.path)}: ${t(e)}`));
  for (const f of result.files) for (const w of f.warnings ?? []) out.push(c('33', `warning in ${t(f.path)}: ${t(w)}`));
  const left = result.skipped.filter((s) => !s.failed);
  const failed = result.skipped.filter((s) => s.failed);
  if (left.length) {
    out.push('', 'Skipped files');
    for (const s of left) out.push(`  ${t(s.path)}: ${t(s.reason)}`);
  }
  if (failed.length) {
    out.push('', c('31;1', 'Files not analysed'));
    for (const s of failed) out.push(c('31', `  ${t(s.path)}: ${t(s.reason)}`));
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const total = result.findings.length;
  // A scan that could not analyse a file never ends on a green tick: the line says how many and points at the reasons.
  const notAnalysed = failed.length ? `; ${failed.length} file${failed.length === 1 ? '' : 's'} not analysed (see "Files not analysed")` : '';
  out.push(
    '',
    (errors || failed.length ? c('31;1', '\u2716') : total ? c('33;1', '\u26a0') : c('32;1', '\u2714')) +
      ` ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${result.stats.filesParsed} analysed of ${result.stats.filesConsidered} files (${result.skipped.length} skipped${notAnalysed})`,
  );
  return `${out.join('\n')}\n`;
}
