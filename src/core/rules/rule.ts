// What a rule is: metadata (id, description, default severity, message templates by id) and a check over one
// file's facts. Messages are templates filled with data, so every number in a message is computed, never typed.
import type { AdvisorConfig } from '../config';
import type { Finding, Fix, GpuFileFacts, GpuFileSummary, Severity, SourceRange } from '../model/types';
import type { GpuSpec } from '../sizing/gpu-catalog';

export const DOCS_BASE = 'https://github.com/ai-infra-advisor/ai-infra-advisor/blob/main/docs/rules/';

export interface RuleMeta {
  id: string;
  description: string;
  category: 'gpu' | 'opencl';
  defaultSeverity: Severity;
  messages: Record<string, string>;
}

export interface RuleContext {
  facts: GpuFileFacts;
  summary: GpuFileSummary;
  config: AdvisorConfig;
  gpu: GpuSpec;
  /** The file's text, for fixes. */
  text: string;
  report(messageId: string, data: Record<string, string | number>, range: SourceRange, fixes?: Fix[]): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

export function fillTemplate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    if (!(key in data)) throw new Error(`message template needs '${key}'`);
    return String(data[key]);
  });
}

/** Runs one rule over a file and returns its findings with the configured severity. */
export function runRule(rule: Rule, base: Omit<RuleContext, 'report'>, severity: Severity): Finding[] {
  const findings: Finding[] = [];
  rule.check({
    ...base,
    report(messageId, data, range, fixes) {
      const template = rule.meta.messages[messageId];
      if (!template) throw new Error(`${rule.meta.id}: unknown message id '${messageId}'`);
      findings.push({
        ruleId: rule.meta.id, messageId, severity, message: fillTemplate(template, data), path: base.facts.path, range,
        ...(fixes && fixes.length ? { fixes } : {}),
      });
    },
  });
  return findings;
}

/** ' (8 iterations)' or '' when the trip count is not constant. */
export function tripsText(trips: number | null): string {
  return trips === null ? '' : ` (${trips} iterations)`;
}
