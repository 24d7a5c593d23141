// Output injection: every surface escapes scanned text for its own format, from one place per format. A file name
// cannot forge a line, colour or retitle the terminal; Markdown (reports and the hover) never makes a link, an image,
// a mention or markup live from scanned text; HTML keeps it inert; SARIF's SRCROOT is a real file URI.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { marked } from 'marked';
import { runCli } from '../../../src/cli/main';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { initTreeSitter } from '../../../src/core/parse/tree-sitter';
import { escapeTerminal, showControlChars } from '../../../src/core/report/control-chars';
import { escapeHtml } from '../../../src/core/report/html';
import { jsonText } from '../../../src/core/report/json';
import { escapeMarkdown, markdownCode } from '../../../src/core/report/markdown';
import { rootUri } from '../../../src/core/report/sarif';
import { RULE_IDS } from '../../../src/core/rules';
import { hoverAt } from '../../../src/server/lsp-mapping';

/** Raw characters a terminal acts on or a reader cannot see: C0 but LF, DEL, C1, bidi, separators, zero-width. */
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]/;
/** The same without tab, which Markdown and HTML show as white space. */
const RAW_CONTROL_BUT_TAB = new RegExp(RAW_CONTROL.source.replace('\\u0000-\\u0009', '\\u0000-\\u0008'));
const HOSTILE = [
  '![x](https://evil.example/p.png)',
  '[click](https://evil.example)',
  '<img src=x onerror=alert(1)>',
  'https://evil.example/a_b?c=d',
  'www.evil.example/x',
  'bob@evil.example',
  '@octocat',
  'fixes #123',
  '`code`',
  '``',
  '$x^2$',
  '~~gone~~',
  '- item',
  '1. first',
  '# head',
  '> quote',
  '**bold** _it_',
  'a | b',
  '<https://evil.example>',
  '&lt;b&gt;',
  '\\[x\\](y)',
  'line\nbreak',
  '[x]: https://evil.example',
  '\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007',
  '\u001b[2J\u001b[32m✔ 0 problems',
  '\u009b31m',
  'a\u202eb\u2066c',
  '<!--',
  '<script>alert(1)</script>',
];
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.string({ maxLength: 6 }),
      fc.constantFrom(
        '\u0000',
        '\u001b',
        '\u0007',
        '\u0085',
        '\u202e',
        '\n',
        '\r',
        '\t',
        ':',
        '/',
        '@',
        'www.',
        'http',
        '(',
        ')',
        '[',
        ']',
        '!',
        '<',
        '>',
        '`',
        '&',
        '#',
      ),
    ),
    { maxLength: 12 },
  )
  .map((a) => a.join(''));

/** The HTML marked (VS Code's hover renderer, GFM on) makes of Markdown: no element from scanned text may appear. */
const LIVE = /<(?!\/?p>)[a-z!/]/i;

describe('output injection', () => {
  it('terminal: no raw control, bidi or line break survives escapeTerminal', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const out = escapeTerminal(s);
        assert.doesNotMatch(out, RAW_CONTROL);
        assert.ok(!out.includes('\n'));
      }),
      { numRuns: 3000 },
    );
    assert.equal(showControlChars('a\u001b[31mb'), 'a‹U+001B›[31mb');
    assert.equal(escapeTerminal('a\nb'), 'a‹U+000A›b');
  });

  it('text report: a file name cannot forge "✔ 0 problems", colour or retitle the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-inject-'));
    const name = 'k\n\u001b[2K\u001b[32;1m✔ 0 problems (0 errors, 0 warnings)\u001b[0m\u001b]0;owned\u0007\u009b2J\u202e.cu';
    writeFileSync(join(dir, name), 'void f() { float *d; cudaMalloc(&d, 1ull << 40); }\n');
    let out = '';
    await runCli(['scan', '.', '--fail-on', 'never', '--no-color'], { stdout: (s) => (out += s), stderr: (s) => (out += s), cwd: dir, isTTY: false });
    assert.match(out, /gpu-exceeds-device-memory/, 'the file was analysed');
    assert.doesNotMatch(out, RAW_CONTROL);
    assert.deepEqual(
      out.split('\n').filter((l) => /^\s*\u2714/.test(l)),
      [],
      'a forged summary line',
    );
    assert.match(out, /‹U\+000A›‹U\+001B›\[2K/);
  });

  it("CLI stderr: configuration and workload problems quoting the files' values show control characters by code point", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aia-inject-cfg-'));
    writeFileSync(join(dir, 'k.cu'), 'void f() { float *d; cudaMalloc(&d, 16); }\n');
    writeFileSync(join(dir, 'ai-infra-advisor.config.json'), JSON.stringify({ rules: { '\u001b]0;owned\u0007x\n\u2714 0 problems': 'off' } }));
    writeFileSync(join(dir, 'ai-infra-advisor.workload.json'), JSON.stringify({ profile: '\u001b[2J\u009b31m' }));
    let err = '';
    await runCli(['report', '.', '--fail-on', 'never'], { stdout: () => undefined, stderr: (s) => (err += s), cwd: dir, isTTY: false });
    assert.match(err, /config/, err);
    assert.match(err, /workload/, err);
    assert.doesNotMatch(err.split('\n').join(''), RAW_CONTROL, JSON.stringify(err));
  });

  it('Markdown: rendered with GFM, scanned text never becomes a link, image, code, emphasis, heading, list or HTML', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const md = escapeMarkdown(s);
        const html = marked.parse(md, { gfm: true, async: false });
        assert.doesNotMatch(html, LIVE, `${JSON.stringify(s)} -> ${JSON.stringify(md)} -> ${html}`);
        assert.doesNotMatch(md, RAW_CONTROL_BUT_TAB);
        // GitHub's autolinker and mention filter work on the text: no scheme, www. or @ without the zero-width break.
        assert.doesNotMatch(md, /:\/\/|www\.|@(?!&#8203;)/i, md);
        // As a table cell, it stays one cell.
        const row = marked.parse(`| a | b |\n| --- | --- |\n| ${md} | x |`, { gfm: true, async: false });
        assert.equal((row.match(/<td>/g) ?? []).length, 2, row);
      }),
      { numRuns: 2000 },
    );
  });

  it("Markdown code spans (the hover's expressions): literal whatever they hold", () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const html = marked.parse(`x ${markdownCode(s)} y`, { gfm: true, async: false });
        assert.match(html, /^<p>x <code>[^<]*<\/code> y<\/p>\n?$/, `${JSON.stringify(s)} -> ${html}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('hover: a model string and a size expression from the code render as text, not as an image or link', async () => {
    await initTreeSitter();
    const loaded = resolveConfig(undefined, RULE_IDS);
    const ts =
      "import OpenAI from 'openai';\nconst c = new OpenAI();\nexport const f = () => c.chat.completions.create({ model: '![x](https://evil.example/p.png) @octocat www.evil.example <img src=x>', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 });\n";
    const cu = 'void f(int n) {\n  float *d;\n  cudaMalloc(&d, n * sizeof("![x](https://evil.example/p.png)`` <img src=x>"));\n}\n';
    for (const [name, text, language, line] of [
      ['a.ts', ts, 'typescript', 3],
      ['k.cu', cu, 'cuda', 3],
    ] as const) {
      const a = await analyzeText(name, text, language, loaded);
      const hover = hoverAt(a, line, loaded.gpu, loaded.config.safetyFactor);
      assert.ok(hover, `${name}: a hover`);
      const html = marked.parse((hover.contents as { value: string }).value, { gfm: true, async: false });
      assert.match(html, /evil/, html);
      assert.doesNotMatch(html, /<(img|a|script)\b/i, html);
    }
  });

  it('HTML: markup from scanned text stays inert', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const out = escapeHtml(s);
        assert.doesNotMatch(out, /[<>"']/);
        assert.doesNotMatch(out, RAW_CONTROL_BUT_TAB);
      }),
      { numRuns: 2000 },
    );
  });

  it('SARIF: SRCROOT is a file URI of the folder, whatever its name holds', () => {
    for (const root of ['/tmp/my proj#1%41?x', '/tmp/a b/c#d', '/tmp/ü/[x]', '/tmp/plain']) {
      const uri = rootUri(root);
      const u = new URL(uri);
      assert.equal(u.protocol, 'file:');
      assert.equal(u.hash, '');
      assert.equal(u.search, '');
      assert.ok(uri.endsWith('/'));
      assert.equal(fileURLToPath(uri), `${root}/`);
    }
    assert.equal(rootUri('/tmp/my proj#1%41?x'), 'file:///tmp/my%20proj%231%2541%3Fx/');
  });
});

describe('JSON and SARIF text', () => {
  it('writes C1, bidi, separators and invisibles as \\u escapes: the same data, nothing raw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const text = jsonText({ path: `a${s}.cu`, message: s });
        assert.doesNotMatch(text, RAW_CONTROL_BUT_TAB, JSON.stringify(text));
        assert.deepEqual(JSON.parse(text), { path: `a${s}.cu`, message: s });
      }),
      { numRuns: 500 },
    );
    assert.ok(jsonText({ p: '\u202e' }).includes('\\u202e'));
  });
});
