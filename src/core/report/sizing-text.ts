// Plain-text summary of the sizing report for terminals and CI logs: the headline, then each section's tables as
// aligned columns. Long "why" cells wrap into bullets below the table rather than widening it.
import stringWidth from 'string-width';
import { sizingSections, type Section, type Table } from './sizing-sections';
import type { SizingReport } from './sizing-model';
import { reportText } from './report-strings';
import { showControlChars } from './control-chars';
import type { Lang } from '../l10n';

// Bidi and other control characters from scanned text must not reorder or hide a terminal line.
const clean = showControlChars;

function table(t: Table, maxCell = 60): string[] {
  const rows = [t.columns, ...t.rows].map((r) =>
    r.map((c) => {
      const s = clean(c);
      return s.length > maxCell ? `${s.slice(0, maxCell - 1)}…` : s;
    }),
  );
  // Terminal columns, not code points: Hangul and other wide characters take two (string-width).
  const widths = t.columns.map((_, i) => Math.max(...rows.map((r) => stringWidth(r[i] ?? ''))));
  const pad = (c: string, w: number) => ' '.repeat(Math.max(0, w - stringWidth(c)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (t.numeric?.includes(i) ? pad(c, widths[i]!) + c : c + pad(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}

export function toSizingText(report: SizingReport, options: { detail?: boolean; lang?: Lang } = {}): string {
  const out: string[] = [
    reportText(options.lang, 'document.textHeader', { tool: `${report.tool.name} ${report.tool.version}`, profile: report.profile }),
  ];
  const render = (s: Section, depth: number) => {
    out.push('', `${'='.repeat(Math.max(1, 3 - depth))} ${clean(s.title)}`);
    for (const p of s.paragraphs) out.push(clean(p));
    for (const { caption, table: t } of s.tables) {
      if (caption) out.push(`${clean(caption)}:`);
      out.push(...table(t).map((l) => `  ${l}`));
    }
    for (const b of s.bullets) out.push(`  - ${clean(b)}`);
    if (options.detail) for (const c of s.children ?? []) render(c, depth + 1);
  };
  for (const s of sizingSections(report, options.lang)) render(s, 1);
  return `${out.join('\n')}\n`;
}
