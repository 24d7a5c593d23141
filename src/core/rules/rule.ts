// What a rule is: metadata (id, description, default severity, message templates by id) and a check over one
// file's facts. Messages are templates filled with data, so every number in a message is computed, never typed.
import type { AdvisorConfig } from '../config';
import type {
  Finding,
  Fix,
  GpuFileFacts,
  GpuFileSummary,
  LlmFileFacts,
  LlmFileSummary,
  RelatedLocation,
  Severity,
  SourceRange,
} from '../model/types';
import type { GpuSpec } from '../sizing/gpu-catalog';
import { MESSAGES_KO } from './shared/messages.ko';
import { phrase, type Lang } from './shared/phrases';
import { renderTemplate } from '../l10n';

export const DOCS_BASE = 'https://github.com/ai-infra-advisor/ai-infra-advisor/blob/main/docs/rules/';

export interface RuleMeta {
  id: string;
  description: string;
  category: 'gpu' | 'opencl' | 'llm';
  defaultSeverity: Severity;
  messages: Record<string, string>;
}

interface BaseContext {
  path: string;
  config: AdvisorConfig;
  gpu: GpuSpec;
  /** The file's text, for fixes. */
  text: string;
  /**
   * `lower`: this finding guards less than the rule's usual case (an unchecked event or teardown status next to an
   * unchecked allocation): it is reported one severity level below the rule's configured one (never below info).
   */
  report(
    messageId: string,
    data: Record<string, string | number>,
    range: SourceRange,
    fixes?: Fix[],
    related?: RelatedLocation[],
    options?: { lower?: boolean },
  ): void;
}

export interface GpuRuleContext extends BaseContext {
  facts: GpuFileFacts;
  summary: GpuFileSummary;
}

export interface LlmRuleContext extends BaseContext {
  llm: LlmFileFacts;
  summary: LlmFileSummary;
}

/** GPU and OpenCL rules read GPU facts; LLM rules read OpenAI call-site facts. */
export interface GpuRule {
  meta: RuleMeta & { category: 'gpu' | 'opencl' };
  check(ctx: GpuRuleContext): void;
}

export interface LlmRule {
  meta: RuleMeta & { category: 'llm' };
  check(ctx: LlmRuleContext): void;
}

export type Rule = GpuRule | LlmRule;

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

const LOWER_SEVERITY: Readonly<Record<Severity, Severity>> = { error: 'warning', warning: 'info', info: 'info' };

export function runRule<C extends GpuRuleContext | LlmRuleContext>(
  rule: { meta: RuleMeta; check(ctx: C): void },
  base: Omit<C, 'report'>,
  severity: Severity,
): Finding[] {
  const findings: Finding[] = [];
  rule.check({
    ...base,
    report(
      messageId: string,
      data: Record<string, string | number>,
      range: SourceRange,
      fixes?: Fix[],
      related?: RelatedLocation[],
      options?: { lower?: boolean },
    ) {
      // Korean when the configuration asks for it and a translation exists; English otherwise.
      const template = (base.config.lang === 'ko' ? MESSAGES_KO[rule.meta.id]?.[messageId] : undefined) ?? rule.meta.messages[messageId];
      if (!template) throw new Error(`${rule.meta.id}: unknown message id '${messageId}'`);
      findings.push({
        ruleId: rule.meta.id,
        messageId,
        severity: options?.lower ? LOWER_SEVERITY[severity] : severity,
        message: renderTemplate(template, data),
        path: base.path,
        range,
        ...(fixes && fixes.length ? { fixes } : {}),
        ...(related && related.length ? { related } : {}),
      });
    },
  } as C);
  return findings;
}

/** ' (8 iterations)' or '' when the trip count is not constant. */
export function tripsText(trips: number | null, lang?: Lang): string {
  return trips === null ? '' : phrase(lang, 'iterations', { n: trips });
}
