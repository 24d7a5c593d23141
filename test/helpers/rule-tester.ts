// Table-driven rule tests in the style of ESLint's RuleTester: `valid` code must not report, `invalid` code
// must report exactly the listed findings (rule, message id, line, column, end column) and fix output.
import assert from 'node:assert/strict';
import { analyzeText } from '../../src/core/analyze';
import { resolveConfig, type AdvisorConfig } from '../../src/core/config';
import type { Finding, Language } from '../../src/core/model/types';
import { RULE_IDS } from '../../src/core/rules';
import type { Rule } from '../../src/core/rules/rule';

export interface ValidCase {
  name?: string;
  code: string;
  language: Language;
  config?: Partial<AdvisorConfig>;
  /** The file's path (default `test.<ext>`), for rules that read it. */
  path?: string;
}

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The severity the finding must have (the rule's default when not given is not checked). */
  severity?: Finding['severity'];
  /** Substrings the message must contain: the numbers it promises. */
  includes?: string[];
  /** Texts the message must not contain. */
  excludes?: string[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** Code after applying the first fix of every finding; omit when the rule offers no fix. */
  output?: string;
}

/** Findings of one rule only: every other rule is switched off so cases stay focused. */
export async function findingsOf(rule: Rule, c: ValidCase): Promise<Finding[]> {
  const rules = Object.fromEntries(RULE_IDS.map((id) => [id, id === rule.meta.id ? rule.meta.defaultSeverity : 'off']));
  const loaded = resolveConfig({ ...c.config, rules }, RULE_IDS);
  assert.deepEqual(loaded.problems, [], `test config is invalid: ${JSON.stringify(loaded.problems)}`);
  const ext = { cuda: 'cu', 'opencl-c': 'cl', c: 'c', cpp: 'cpp', python: 'py', javascript: 'js', typescript: 'ts' }[c.language];
  const result = await analyzeText(c.path ?? `test.${ext}`, c.code, c.language, loaded);
  assert.equal(result.entry.skipped, undefined, `analysis failed: ${result.entry.skipped}`);
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

export function applyFixes(code: string, findings: Finding[]): string {
  const edits = findings.flatMap((f) => f.fixes?.[0]?.edits ?? []).sort((a, b) => b.startOffset - a.startOffset);
  let out = code;
  for (const e of edits) out = out.slice(0, e.startOffset) + e.newText + out.slice(e.endOffset);
  return out;
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const seen = new Set<string>();
  const key = (c: ValidCase) => `${c.language}\u0000${c.path ?? ''}\u0000${c.code}\u0000${JSON.stringify(c.config ?? {})}`;
  for (const c of [...cases.valid, ...cases.invalid]) {
    if (seen.has(key(c))) throw new Error(`${rule.meta.id}: duplicate test case${c.name ? ` '${c.name}'` : ''}`);
    seen.add(key(c));
  }
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const [i, c] of cases.valid.entries()) {
        it(c.name ?? `valid #${i + 1}`, async () => {
          const findings = await findingsOf(rule, c);
          assert.deepEqual(
            findings.map((f) => `${f.range.startLine}:${f.range.startColumn} ${f.messageId}: ${f.message}`),
            [],
          );
        });
      }
    });
    describe('invalid', () => {
      for (const [i, c] of cases.invalid.entries()) {
        if (c.errors.length === 0) throw new Error(`${rule.meta.id}: invalid case ${c.name ?? i + 1} lists no finding`);
        for (const e of c.errors) {
          if (!(e.messageId in rule.meta.messages)) throw new Error(`${rule.meta.id}: unknown message id '${e.messageId}'`);
        }
        it(c.name ?? `invalid #${i + 1}`, async () => {
          const findings = await findingsOf(rule, c);
          assert.equal(
            findings.length,
            c.errors.length,
            `expected ${c.errors.length} findings, got:\n${findings.map((f) => `  ${f.range.startLine}:${f.range.startColumn} ${f.message}`).join('\n')}`,
          );
          for (const [k, e] of c.errors.entries()) {
            const f = findings[k]!;
            assert.equal(f.messageId, e.messageId);
            assert.equal(f.range.startLine, e.line, `line of finding ${k + 1}: ${f.message}`);
            if (e.column !== undefined) assert.equal(f.range.startColumn, e.column, 'column');
            if (e.endLine !== undefined) assert.equal(f.range.endLine, e.endLine, 'end line');
            if (e.endColumn !== undefined) assert.equal(f.range.endColumn, e.endColumn, 'end column');
            if (e.severity !== undefined) assert.equal(f.severity, e.severity, `severity of finding ${k + 1}`);
            for (const s of e.includes ?? []) assert.ok(f.message.includes(s), `message lacks '${s}':\n${f.message}`);
            for (const s of e.excludes ?? []) assert.ok(!f.message.includes(s), `message has '${s}':\n${f.message}`);
          }
          if (c.output !== undefined) assert.equal(applyFixes(c.code, findings), c.output);
          else
            assert.ok(
              findings.every((f) => !f.fixes),
              'a fix was offered but the case gives no output',
            );
        });
      }
    });
  });
}
