// Every user-visible text of the CLI and the language server in both languages, against stored copies
// (test/golden/l10n/): scan (text, JSON), report (text, Markdown, HTML, JSON), diff (text, Markdown, JSON), the
// configuration, workload and editor-settings problems, and the editor's CodeLens, hover, quick-fix titles. Any change
// of wording fails here; when it is meant, rewrite the copies with UPDATE_GOLDEN=1 and review the diff of the files.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCli } from '../../src/cli/main';
import { analyzeText } from '../../src/core/analyze';
import { toHtml } from '../../src/core/report/html';
import type { SizingReport } from '../../src/core/report/sizing-model';
import { problemText, resolveConfig } from '../../src/core/config';
import { detectLanguage } from '../../src/core/files/discover';
import { initTreeSitter } from '../../src/core/parse/tree-sitter';
import { RULE_IDS } from '../../src/core/rules';
import { findGpu } from '../../src/core/sizing/gpu-catalog';
import { lspText } from '../../src/server/lsp-strings';
import { codeActionsFor, codeLenses, hoverAt, toDiagnostic } from '../../src/server/lsp-mapping';
import { validateSettings } from '../../src/server/settings';
import { buildScenario } from '../unit/diff-repo';

const ROOT = join(__dirname, '..', '..');
const GOLDEN = join(ROOT, 'test', 'golden', 'l10n');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const LANGS = ['en', 'ko'] as const;
const WL = ['--workload', 'examples/ai-infra-advisor.workload.json'];
const BAD = ['--config', 'test/golden/l10n/inputs/bad.config.json', '--workload', 'test/golden/l10n/inputs/bad.workload.json'];

async function cli(args: string[], cwd = ROOT): Promise<string> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false });
  return `$ ${args.join(' ')}\nexit ${code}\n--- stdout\n${out}\n--- stderr\n${err}`;
}

/** The stored copy, or (UPDATE_GOLDEN=1) a new one: a missing copy fails rather than being written silently. */
function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (UPDATE) writeFileSync(file, actual);
  let expected: string;
  try {
    expected = readFileSync(file, 'utf8');
  } catch {
    assert.fail(`${relative(ROOT, file)} is missing: run with UPDATE_GOLDEN=1 to write it`);
  }
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  const at = a.findIndex((line, i) => line !== e[i]);
  const line = at === -1 ? Math.min(a.length, e.length) : at;
  assert.fail(`${name} differs at line ${line + 1}:\n  stored: ${e[line] ?? '(end)'}\n  now:    ${a[line] ?? '(end)'}`);
}

function exampleFiles(dir = join(ROOT, 'examples')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? exampleFiles(join(dir, d.name)) : [join(dir, d.name)]))
    .filter((f) => detectLanguage(f) !== undefined)
    .sort();
}

describe('l10n golden: every user-visible text in English and Korean', function () {
  this.timeout(300_000);
  before(() => {
    if (UPDATE) mkdirSync(GOLDEN, { recursive: true });
  });

  for (const lang of LANGS) {
    it(`${lang}: scan, text and JSON`, async () => {
      expectGolden(`scan.${lang}.txt`, await cli(['scan', 'examples', '--lang', lang]));
      expectGolden(`scan.${lang}.json.txt`, await cli(['scan', 'examples', '--lang', lang, '--format', 'json']));
    });

    for (const format of ['text', 'md', 'json'])
      it(`${lang}: report --format ${format}`, async () => {
        expectGolden(`report.${lang}.${format}.txt`, await cli(['report', 'examples', ...WL, '--lang', lang, '--format', format]));
      });

    // The HTML page inlines the chart bundle when dist/ has one (after a build): rendered here from the same report
    // without it, so the copy does not depend on whether the bundle was built.
    it(`${lang}: report --format html (without the chart bundle)`, async () => {
      let json = '';
      const args = ['report', 'examples', ...WL, '--lang', lang, '--format', 'json'];
      await runCli(args, { stdout: (s) => (json += s), stderr: () => {}, cwd: ROOT, isTTY: false });
      expectGolden(`report.${lang}.html`, toHtml(JSON.parse(json) as SizingReport, { lang, chartScript: null }));
    });

    it(`${lang}: configuration and workload problems`, async () => {
      expectGolden(`problems.${lang}.txt`, await cli(['report', 'examples/cuda', ...BAD, '--lang', lang, '--format', 'md']));
    });
  }

  it('diff in both languages (commit ids and the folder replaced by names)', async () => {
    const { dir, commits } = buildScenario();
    try {
      const range = `${commits[0]}..${commits[5]}`;
      const stable = (s: string) =>
        commits
          .reduce((text, c, i) => text.replace(new RegExp(`${c.slice(0, 7)}[0-9a-f]*`, 'g'), `<commit ${i}>`), s)
          .split(dir)
          .join('<repo>');
      for (const lang of LANGS)
        for (const format of ['text', 'md', 'json'])
          expectGolden(
            `diff.${lang}.${format}.txt`,
            stable(await cli(['diff', range, '--lang', lang, '--format', format, '--fail-on', 'never'], dir)),
          );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the editor: CodeLens, hover on every line, quick-fix titles, settings problems', async () => {
    await initTreeSitter();
    const t4 = findGpu('t4')!;
    for (const lang of LANGS) {
      const out: string[] = [];
      const loaded = resolveConfig({ lang }, RULE_IDS);
      for (const file of exampleFiles()) {
        const path = relative(ROOT, file);
        const language = detectLanguage(file)!;
        const text = readFileSync(file, 'utf8');
        const a = await analyzeText(path, text, language, loaded);
        out.push(`=== ${path}`);
        for (const lens of codeLenses(a, t4, 0.9, lang)) out.push(`lens ${lens.range.start.line + 1}: ${lens.command?.title ?? ''}`);
        const lines = text.split('\n').length;
        for (let line = 1; line <= lines; line++) {
          const hover = hoverAt(a, line, t4, 0.9, lang);
          if (hover) out.push(`hover ${line}:\n${(hover.contents as { value: string }).value}`);
        }
        const doc = TextDocument.create(`file:///${path}`, language, 1, text);
        for (const f of a.findings)
          for (const action of codeActionsFor(f, doc, language, toDiagnostic(f, doc.uri), lang))
            out.push(`action ${f.range.startLine} ${f.ruleId}: ${action.title}`);
      }
      out.push(`fix all: ${lspText(lang, 'fixAll')}`);
      const bad = {
        targetGpu: 'x100',
        profile: 'huge',
        codeLens: 'yes',
        maxFileBytes: -1,
        baseline: 'never',
        engines: 'redis',
        prices: 3,
        include: [1],
        exclude: 'x',
        rules: { 'no-such-rule': 'warn', 'gpu-sync-in-loop': 'loud' },
      };
      const globs = { include: ['**/@(a+)+b', 'g'.repeat(501)], exclude: ['src/{1..9}/*.cu', '*a*a*a*b'] };
      for (const raw of [bad, 'settings', [1], globs])
        for (const p of validateSettings(raw).problems) out.push(`setting ${p.field}: ${problemText(p, lang)}`);
      expectGolden(`editor.${lang}.txt`, out.join('\n') + '\n');
    }
  });
});
