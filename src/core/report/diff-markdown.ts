// The diff as Markdown for a pull-request comment: the summary line, then the tables. A hidden marker lets the CI
// script find and update its own comment (scripts/ci-comment.mjs).
import type { DiffReport } from '../diff';
import { redactDeep } from '../model/redact';
import { diffFootnotes, diffSummaryLine, diffTables } from './diff-sections';
import { escapeMarkdown } from './markdown';
import type { Lang } from '../l10n';

export const DIFF_COMMENT_MARKER = '<!-- ai-infra-advisor-diff -->';

const cell = escapeMarkdown;

export function toDiffMarkdown(report: DiffReport, opts: { lang?: Lang } = {}): string {
  const lang = opts.lang ?? 'en';
  const r = redactDeep(report);
  const out = [DIFF_COMMENT_MARKER, `**AI Infra Advisor:** ${escapeMarkdown(diffSummaryLine(r, lang))}`, ''];
  for (const t of diffTables(r, lang)) {
    out.push(`#### ${escapeMarkdown(t.title)}`, '', `| ${t.headers.map(cell).join(' | ')} |`, `| ${t.headers.map(() => '---').join(' | ')} |`);
    for (const row of t.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
    out.push('');
  }
  for (const n of diffFootnotes(r, lang)) out.push(`<sub>${escapeMarkdown(n)}</sub><br>`);
  return `${out.join('\n')}\n`;
}
