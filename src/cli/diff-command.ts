// `ai-infra-advisor diff [BASE[..HEAD]]`: argument checks and output only; the engine is core/diff.
// Exit codes: 0 within --fail-on and --budget, 1 a new finding at or above --fail-on, a monthly increase above
// --budget, or a file not analysed; 2 usage, git or configuration error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { TOOL_NAME } from '../core/analyze';
import { cliText } from './cli-messages';
import { loadConfigFile } from '../core/config';
import { diffRevisions, GitError } from '../core/diff';
import { redactDeep } from '../core/model/redact';
import { jsonText } from '../core/report/json';
import { toDiffMarkdown } from '../core/report/diff-markdown';
import { toDiffText } from '../core/report/diff-text';
import { escapeTerminal } from '../core/report/control-chars';
import { SEVERITY_ORDER } from '../core/model/types';
import { RULE_IDS } from '../core/rules';
import { formatUsd } from '../core/model/units';
import { isLang, type Lang } from '../core/l10n';

interface DiffValues {
  format?: string;
  output?: string;
  profile?: string;
  workload?: string;
  'target-gpu'?: string;
  'fail-on'?: string;
  budget?: string;
  root?: string;
  lang?: string;
  baseline?: string;
  'no-baseline'?: boolean;
  'no-fail-on-skipped'?: boolean;
}

export interface DiffIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export class DiffUsageError extends Error {}

export function parseRange(positionals: readonly string[], lang: Lang = 'en'): { base?: string; head?: string } {
  if (positionals.length > 1) throw new DiffUsageError(cliText(lang, 'diffArguments', { count: positionals.length }));
  const range = positionals[0];
  if (range === undefined) return {};
  if (range.includes('...')) throw new DiffUsageError(cliText(lang, 'diffThreeDots', { range }));
  const [base, head, ...rest] = range.split('..');
  if (rest.length || base === '') throw new DiffUsageError(cliText(lang, 'diffNotRange', { range }));
  return { base, ...(head ? { head } : {}) };
}

export async function runDiffCommand(positionals: readonly string[], values: DiffValues, io: DiffIO): Promise<number> {
  // Usage errors speak --lang when it is valid (a bad --lang is itself an error, in English).
  const early: Lang = values.lang !== undefined && isLang(values.lang) ? values.lang : 'en';
  try {
    const format = values.format ?? 'text';
    if (!['text', 'json', 'md'].includes(format))
      throw new DiffUsageError(cliText(early, 'formatChoices', { command: 'diff', choices: 'text,json,md', format }));
    if (values.workload !== undefined) throw new DiffUsageError(cliText(early, 'diffWorkload'));
    if (values.baseline !== undefined || values['no-baseline']) throw new DiffUsageError(cliText(early, 'diffBaseline'));
    const failOn = values['fail-on'] ?? 'error';
    if (!['error', 'warning', 'never'].includes(failOn)) throw new DiffUsageError(cliText(early, 'failOnChoices', { value: failOn }));
    let budget: number | null = null;
    if (values.budget !== undefined) {
      budget = Number(values.budget.replace(/^\$/, ''));
      if (!Number.isFinite(budget) || budget < 0) throw new DiffUsageError(cliText(early, 'diffBudget', { value: values.budget }));
    }
    if (values.lang !== undefined && !isLang(values.lang)) throw new DiffUsageError(cliText(early, 'langChoices', { value: values.lang }));
    const range = parseRange(positionals, early);
    const root = resolve(io.cwd, values.root ?? '.');
    // The tables follow the findings' language: --lang, else the root's configuration (as scan and report do).
    const lang: Lang = values.lang !== undefined && isLang(values.lang) ? values.lang : loadConfigFile(root, RULE_IDS).config.lang;
    const report = await diffRevisions({
      root,
      ...range,
      ...(values['target-gpu'] ? { targetGpu: values['target-gpu'] } : {}),
      ...(values.profile ? { profile: values.profile } : {}),
      ...(values.lang !== undefined && isLang(values.lang) ? { lang: values.lang } : {}),
    });
    const text = format === 'json' ? jsonText(redactDeep(report)) : format === 'md' ? toDiffMarkdown(report, { lang }) : toDiffText(report, { lang });
    if (values.output) {
      const out = resolve(io.cwd, values.output);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, text);
      io.stderr(`${TOOL_NAME}: ${cliText(lang, 'wroteDiff', { format, path: values.output })}\n`);
    } else io.stdout(text);
    let code = 0;
    if (failOn !== 'never') {
      const at = report.findings.new.filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[failOn as 'error' | 'warning']);
      if (at.length) code = 1;
    }
    if (budget !== null && report.bill.deltaUsd > budget) {
      io.stderr(`${TOOL_NAME}: ${cliText(lang, 'overBudget', { delta: formatUsd(report.bill.deltaUsd), budget: formatUsd(budget) })}\n`);
      code = 1;
    }
    if (!values['no-fail-on-skipped'] && report.notAnalysed.some((n) => n.side === 'head')) code = 1;
    return code;
  } catch (err) {
    if (err instanceof DiffUsageError || err instanceof GitError) {
      io.stderr(`${TOOL_NAME}: ${escapeTerminal(err.message)}\n`);
      return 2;
    }
    throw err;
  }
}
