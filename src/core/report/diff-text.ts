// The diff for a terminal: the summary line, then each table with aligned columns. Strings from the scanned code pass
// escapeTerminal (control characters shown, keys masked).
import stringWidth from 'string-width';
import type { DiffReport } from '../diff';
import { escapeTerminal } from './control-chars';
import { diffFootnotes, diffSummaryLine, diffTables } from './diff-sections';
import type { Lang } from '../l10n';

export function toDiffText(report: DiffReport, opts: { lang?: Lang } = {}): string {
  const lang = opts.lang ?? 'en';
  const out = [escapeTerminal(diffSummaryLine(report, lang))];
  for (const t of diffTables(report, lang)) {
    const rows = [t.headers, ...t.rows].map((r) => r.map(escapeTerminal));
    // Display width, not UTF-16 length: a Hangul syllable takes two terminal columns.
    const widths = t.headers.map((_, i) => Math.min(60, Math.max(...rows.map((r) => stringWidth(r[i]!)))));
    out.push('', t.title);
    for (const [n, r] of rows.entries()) {
      out.push(`  ${r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(Math.max(0, widths[i]! - stringWidth(c))))).join('  ')}`.trimEnd());
      if (n === 0) out.push(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    }
  }
  out.push('', ...diffFootnotes(report, lang).map(escapeTerminal));
  return `${out.join('\n')}\n`;
}
