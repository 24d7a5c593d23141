// The diff for a terminal: the summary line, then each table with aligned columns. Strings from the scanned code pass
// escapeTerminal (control characters shown, keys masked).
import type { DiffReport } from '../diff';
import { escapeTerminal } from './control-chars';
import { diffFootnotes, diffSummaryLine, diffTables } from './diff-sections';

export function toDiffText(report: DiffReport): string {
  const out = [escapeTerminal(diffSummaryLine(report))];
  for (const t of diffTables(report)) {
    const rows = [t.headers, ...t.rows].map((r) => r.map(escapeTerminal));
    const widths = t.headers.map((_, i) => Math.min(60, Math.max(...rows.map((r) => r[i]!.length))));
    out.push('', t.title);
    for (const [n, r] of rows.entries()) {
      out.push(`  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}`.trimEnd());
      if (n === 0) out.push(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    }
  }
  out.push('', ...diffFootnotes(report).map(escapeTerminal));
  return `${out.join('\n')}\n`;
}
