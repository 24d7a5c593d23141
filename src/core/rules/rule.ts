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
import { render, type Catalogue } from '../l10n';

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

const catalogues = new WeakMap<RuleMeta, Catalogue>();

/**
 * A rule's messages as a localisation catalogue: the English templates of its meta (ESLint's shape, next to the check)
 * and the Korean ones of messages.ko.ts, by message id (test/unit/rules/messages-ko.test.ts: every id, same data).
 */
export function ruleMessages(meta: RuleMeta): Catalogue {
  let c = catalogues.get(meta);
  if (!c) {
    const ko = MESSAGES_KO[meta.id] ?? {};
    c = Object.fromEntries(Object.entries(meta.messages).map(([id, en]) => [id, { en, ko: ko[id] ?? en }]));
    catalogues.set(meta, c);
  }
  return c;
}

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
      const messages = ruleMessages(rule.meta);
      if (!Object.prototype.hasOwnProperty.call(messages, messageId)) throw new Error(`${rule.meta.id}: unknown message id '${messageId}'`);
      findings.push({
        ruleId: rule.meta.id,
        messageId,
        severity: options?.lower ? LOWER_SEVERITY[severity] : severity,
        message: render(messages, base.config.lang, messageId, data),
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
