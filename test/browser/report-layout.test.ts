/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The sizing report's layout on both HTML surfaces, in a real Chromium at 1280 px: the CLI's `report --format html`
// page and the editor's report page (the webview bundle in a stand-in for VS Code's webview, fed the message the
// extension sends). Headers break only at spaces, chart text never overlaps and the GPU axis reaches the budget, a
// GPU-only workspace shows no OpenAI or database assumptions and an OpenAI-only one no GPU section, a 180-file workspace
// is collapsed by folder with only what needs action open, and no internal source id is shown. Screenshots of the
// examples' report in light and dark land in test-results/report-*.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyze } from '../../src/core/analyze';
import { buildCharts } from '../../src/core/report/charts';
import { loadChartScript, toHtml } from '../../src/core/report/html';
import { assumptionLabels, pageStrings } from '../../src/core/report/report-strings';
import { buildSizingReport, type SizingReport } from '../../src/core/report/sizing-model';
import { headline, sizingSections } from '../../src/core/report/sizing-sections';
import type { FitVerdict } from '../../src/core/sizing/gpu-fit';
import { ASSUMPTION_KEYS, ASSUMPTION_LABELS } from '../../src/core/sizing/profiles';
import { loadWorkloadFile } from '../../src/core/sizing/workload';
import type { ToWebview } from '../../src/server/protocol';
import { writeBigGpuWorkspace } from './big-workspace';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WIDTH = 1280;

type Surface = 'cli' | 'webview';
type Scheme = 'light' | 'dark';

// VS Code's Light+ and Dark+ colours for the variables media/report.css reads (a webview gets them from the theme).
const THEME: Record<Scheme, Record<string, string>> = {
  light: {
    'font-family': 'system-ui, sans-serif',
    'font-size': '13px',
    foreground: '#3b3b3b',
    'editor-background': '#ffffff',
    'panel-border': '#e5e5e5',
    'editorWidget-background': '#f8f8f8',
    'button-background': '#005fb8',
    'button-foreground': '#ffffff',
    'input-background': '#ffffff',
    'input-foreground': '#3b3b3b',
    'textLink-foreground': '#005fb8',
  },
  dark: {
    'font-family': 'system-ui, sans-serif',
    'font-size': '13px',
    foreground: '#cccccc',
    'editor-background': '#1f1f1f',
    'panel-border': '#2b2b2b',
    'editorWidget-background': '#202020',
    'button-background': '#0078d4',
    'button-foreground': '#ffffff',
    'input-background': '#313131',
    'input-foreground': '#cccccc',
    'textLink-foreground': '#4daafc',
  },
};

/** The message the extension posts to the report page (src/server/server.ts builds the same result). */
function pageMessage(report: SizingReport): ToWebview {
  return {
    type: 'report',
    assumptionsEditable: true,
    result: {
      report,
      sections: sizingSections(report),
      charts: buildCharts(report),
      headline: headline(report),
      strings: { ...pageStrings('en'), assumptions: assumptionLabels('en') },
      durationMs: 0,
    },
  };
}

function webviewShell(scheme: Scheme): string {
  const vars = Object.entries(THEME[scheme])
    .map(([k, v]) => `--vscode-${k}: ${v};`)
    .join(' ');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(join(ROOT, 'media', 'report.css')).href}">
<style>body { ${vars} }</style></head>
<body data-view="panel"><main id="root"></main>
<script>window.__sent = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__sent.push(m), getState: () => undefined, setState: () => {} });</script>
<script src="${pathToFileURL(join(ROOT, 'dist', 'webview', 'report-page.js')).href}"></script>
</body></html>`;
}

async function openSurface(
  browser: Browser,
  surface: Surface,
  report: SizingReport,
  name: string,
  scheme: Scheme = 'light',
  options: { width?: number; noScript?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${name}.html`);
  writeFileSync(file, surface === 'cli' ? toHtml(report, { chartScript: options.noScript ? null : loadChartScript() }) : webviewShell(scheme));
  const page = await browser.newPage({ viewport: { width: options.width ?? WIDTH, height: 900 }, colorScheme: scheme });
  // tsx keeps function names with a helper the page does not have: give it one.
  await page.addInitScript('window.__name = (f) => f');
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  if (surface === 'webview') {
    await page.waitForFunction(() => (window as unknown as { __sent: Array<{ type: string }> }).__sent.some((m) => m.type === 'ready'));
    await page.evaluate((msg) => window.postMessage(msg, '*'), pageMessage(report) as unknown as Record<string, unknown>);
    await page.waitForSelector('#root section');
  }
  // Charts are drawn once the script ran (both surfaces mark the element); a report without charts has none to wait for.
  if (!options.noScript)
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-chart]')].every((c) => c.dataset.rendered === 'echarts'));
  await page.waitForTimeout(200);
  return { page, errors };
}

/** Words (runs without spaces) that the page draws on more than one line, per table cell kind. */
async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>(sel)) {
      if (!cell.getClientRects().length) continue; // inside a closed <details>: not drawn
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      // A word is a run of non-spaces across the cell's text nodes (<wbr> and spans split a word into several nodes).
      let word: Array<{ node: Text; start: number; end: number }> = [];
      const flush = () => {
        if (!word.length) return;
        const tops = new Set<number>();
        for (const part of word) {
          const range = document.createRange();
          range.setStart(part.node, part.start);
          range.setEnd(part.node, part.end);
          for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
        }
        if (tops.size > 1) broken.push(word.map((p) => p.node.data.slice(p.start, p.end)).join(''));
        word = [];
      };
      let prevParent: Node | null = null;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        // A new <th> span or text node after a space continues no word; one after <wbr> continues it.
        if (prevParent && n.previousSibling?.nodeName !== 'WBR' && n.parentNode !== prevParent) flush();
        prevParent = n.parentNode;
        const re = /\S+|\s+/g;
        for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
          if (/^\s/.test(m[0])) flush();
          else word.push({ node: n, start: m.index, end: m.index + m[0].length });
        }
      }
      flush();
    }
    return broken;
  }, selector);
}

interface ChartText {
  chart: string;
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

async function chartTexts(page: Page): Promise<Array<{ chart: string; box: { left: number; right: number }; texts: ChartText[] }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((c) => {
      const svg = c.querySelector('svg')!.getBoundingClientRect();
      const texts = [...c.querySelectorAll('svg text')]
        .map((t) => ({ chart: c.dataset.chart!, text: t.textContent ?? '', ...(JSON.parse(JSON.stringify(t.getBoundingClientRect())) as DOMRect) }))
        .filter((t) => t.text.trim() !== '' && t.right - t.left > 0);
      return { chart: c.dataset.chart!, box: { left: svg.left, right: svg.right }, texts };
    }),
  );
}

const overlap = (a: ChartText, b: ChartText) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

const targetVerdict = (report: SizingReport, path: string): FitVerdict => {
  const f = report.gpu.files.find((x) => x.path === path)!;
  const row = f.fits.find((r) => r.gpu === report.gpu.target.id)!;
  return f.api === 'opencl' ? row.opencl : row.cuda;
};

describe('sizing report layout in Chromium at 1280 px (CLI HTML and the editor page)', function () {
  this.timeout(240_000);
  let browser: Browser;
  const reports: Record<'examples' | 'gpuOnly' | 'onH200' | 'openaiOnly' | 'big', SizingReport> = {} as never;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`chromium not found at ${CHROMIUM}`);
      this.skip();
    }
    assert.ok(loadChartScript(), 'dist/report-charts.js is built by npm run build');
    assert.ok(existsSync(join(ROOT, 'dist', 'webview', 'report-page.js')), 'dist/webview/report-page.js is built by npm run build');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const workload = loadWorkloadFile(ROOT, { path: join(ROOT, 'examples/ai-infra-advisor.workload.json'), profile: 'medium' });
    const plain = (root: string) => loadWorkloadFile(root, { profile: 'medium' });
    reports.examples = buildSizingReport(await analyze({ root: ROOT, paths: ['examples'] }), workload);
    const gpuResult = await analyze({ root: ROOT, paths: ['examples/cuda', 'examples/opencl', 'examples/python'] });
    reports.gpuOnly = buildSizingReport(gpuResult, plain(ROOT));
    // On an H200 every peak is far below the budget: the axis must still reach the budget line.
    const h200 = plain(ROOT);
    h200.gpu.targetGpu = 'h200';
    reports.onH200 = buildSizingReport(gpuResult, h200);
    assert.ok(
      reports.onH200.gpu.files.every((f) => (f.peakBytes ?? 0) < reports.onH200.gpu.target.budgetBytes / 2),
      'every peak below half the H200 budget',
    );
    reports.openaiOnly = buildSizingReport(await analyze({ root: ROOT, paths: ['examples/openai'] }), plain(ROOT));
    const big = join(tmpdir(), 'aia-report-big-workspace');
    writeBigGpuWorkspace(big, 180);
    reports.big = buildSizingReport(await analyze({ root: big, paths: ['.'] }), plain(big));
    assert.equal(reports.big.gpu.files.length, 180);
    assert.equal(reports.gpuOnly.llm.streams.length, 0, 'the GPU-only workspace has no OpenAI call site');
    assert.equal(reports.openaiOnly.gpu.files.length, 0, 'the OpenAI-only workspace has no GPU program');
  });
  after(async () => browser?.close());

  for (const surface of ['cli', 'webview'] as const) {
    describe(surface === 'cli' ? 'report --format html' : 'the editor report page', () => {
      it('table headers break only at spaces, and a cell word without a hyphen or slash is never split', async () => {
        for (const which of ['examples', 'big'] as const) {
          const { page, errors } = await openSurface(browser, surface, reports[which], `layout-${surface}-${which}`);
          assert.deepEqual(await brokenWords(page, 'th'), [], `${which}: header words drawn on two lines`);
          // An editor panel is often narrower than the page: headers still break only at spaces (tables scroll instead).
          await page.setViewportSize({ width: 800, height: 900 });
          assert.deepEqual(await brokenWords(page, 'th'), [], `${which} at 800 px: header words drawn on two lines`);
          await page.setViewportSize({ width: WIDTH, height: 900 });
          const cells = (await brokenWords(page, 'td')).filter((w) => !/[-/]/.test(w));
          assert.deepEqual(cells, [], `${which}: cell words split inside`);
          assert.deepEqual(errors, []);
          await page.close();
        }
      });

      it('GPU chart: no two texts overlap, none is cut off, and the value axis reaches the budget line', async () => {
        for (const which of ['examples', 'onH200', 'big'] as const) {
          const report = reports[which];
          const { page } = await openSurface(browser, surface, report, `chart-${surface}-${which}`);
          for (const c of await chartTexts(page)) {
            const clashes: string[] = [];
            c.texts.forEach((a, i) =>
              c.texts.slice(i + 1).forEach((b) => {
                if (overlap(a, b)) clashes.push(`"${a.text}" × "${b.text}"`);
              }),
            );
            assert.deepEqual(clashes.slice(0, 5), [], `${which} ${c.chart}: ${clashes.length} overlapping texts`);
            const cut = c.texts.filter((t) => t.left < c.box.left - 0.5 || t.right > c.box.right + 0.5).map((t) => t.text);
            assert.deepEqual(cut, [], `${which} ${c.chart}: texts outside the chart`);
          }
          // The axis's last tick label is its maximum; the budget line is drawn at the target's budget.
          const budgetGiB = report.gpu.files[0]!.fits.find((f) => f.gpu === report.gpu.target.id)!.budgetBytes / 1024 ** 3;
          const ticks = await page.evaluate(() =>
            [...document.querySelectorAll('[data-chart="gpu-peak-vs-target"] svg text')]
              .map((t) => t.textContent ?? '')
              .filter((t) => /^\d+(\.\d+)?$/.test(t))
              .map(Number),
          );
          assert.ok(ticks.length >= 2, 'the GPU chart has a value axis');
          assert.ok(Math.max(...ticks) >= budgetGiB, `${which}: axis max ${Math.max(...ticks)} GiB ≥ budget ${budgetGiB.toFixed(2)} GiB`);
          if (surface === 'cli') {
            // A label may be short or cut; the tooltip names the whole path (the top bar: the largest peak).
            const tip = await page.evaluate(async () => {
              const w = window as unknown as {
                __charts: Array<{ getDom(): HTMLElement; getOption(): { series: Array<{ data: unknown[] }> }; dispatchAction(a: object): void }>;
              };
              const chart = w.__charts.find((c) => c.getDom().dataset.chart === 'gpu-peak-vs-target')!;
              chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: chart.getOption().series[0]!.data.length - 1 });
              await new Promise((r) => setTimeout(r, 300));
              return chart.getDom().innerText;
            });
            const largest = [...report.gpu.files]
              .filter((f) => f.peakBytes !== null)
              .sort((a, b) => b.peakBytes! - a.peakBytes! || a.path.localeCompare(b.path))[0]!;
            assert.ok(tip.includes(largest.path), `${which}: the tooltip names ${largest.path} (got ${JSON.stringify(tip.slice(0, 200))})`);
          }
          await page.close();
        }
      });

      it('a GPU-only workspace shows no OpenAI or database assumption; an OpenAI-only one no GPU section', async () => {
        const labels = ASSUMPTION_KEYS.map((k) => ASSUMPTION_LABELS[k].label);
        const gpu = await openSurface(browser, surface, reports.gpuOnly, `assumptions-${surface}-gpu-only`);
        const gpuText = await gpu.page.evaluate(() => document.body.innerText);
        assert.deepEqual(
          labels.filter((l) => gpuText.includes(l)),
          [],
          'assumption labels shown for GPU-only code',
        );
        assert.equal(await gpu.page.locator('#assumptions-editor input, #assumptions table').count(), 0);
        assert.equal(await gpu.page.locator('#openai').count(), 0);
        assert.ok(await gpu.page.locator('#gpu').count(), 'the GPU section is there');
        await gpu.page.close();

        const oai = await openSurface(browser, surface, reports.openaiOnly, `assumptions-${surface}-openai-only`);
        assert.equal(await oai.page.locator('#gpu').count(), 0, 'no GPU section');
        assert.equal(await oai.page.locator('[data-chart="gpu-peak-vs-target"]').count(), 0, 'no GPU chart');
        const oaiText = await oai.page.evaluate(() => document.body.innerText);
        assert.ok(labels.filter((l) => oaiText.includes(l)).length >= 10, 'the OpenAI and database assumptions are shown');
        await oai.page.close();
      });

      it('180 GPU files: the files needing action first, folders collapsed, only what needs action open', async () => {
        const report = reports.big;
        const { page } = await openSurface(browser, surface, report, `big-${surface}`);
        const collapsed = await page.evaluate(() => document.documentElement.scrollHeight);
        const state = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLDetailsElement>('details.file')].map((d) => ({
            id: d.id,
            open: d.open,
            shown: d.getClientRects().length > 0 && !d.closest('details:not([open])'),
          })),
        );
        const firstTable = await page.evaluate(() =>
          [...document.querySelectorAll('#summary table tbody tr, #headline table tbody tr')].map((tr) => tr.querySelector('td')!.textContent ?? ''),
        );
        const opened = await page.evaluate(() => {
          document.querySelectorAll('details').forEach((d) => (d.open = true));
          return document.documentElement.scrollHeight;
        });
        console.log(
          `      ${surface}: 180-file page ${collapsed} px as laid out, ${opened} px with every group open (before this layout: CLI 33,248 px, editor page 24,712 px)`,
        );
        assert.equal(state.length, 180, 'one detail per file');
        for (const s of state) {
          const verdict = targetVerdict(report, s.id.replace(/^gpu-/, ''));
          assert.equal(s.shown, verdict !== 'fits', `${s.id} (${verdict}) is ${s.shown ? 'open' : 'closed'}`);
        }
        // The summary's table starts with the files that do not fit, then those that need chunking.
        const order: FitVerdict[] = ['does-not-fit', 'needs-chunking', 'unknown'];
        const verdicts = firstTable.map((p) => targetVerdict(report, p));
        assert.ok(verdicts.length >= 5 && verdicts.every((v) => v !== 'fits'), 'the summary lists files that need action');
        assert.deepEqual(
          verdicts,
          [...verdicts].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
          'worst first',
        );
        assert.ok(collapsed < opened * 0.4, `collapsed ${collapsed} px is well below ${opened} px`);
        await page.close();
      });

      it('no internal source id is shown; the sources named are listed as links', async () => {
        for (const which of ['examples', 'gpuOnly', 'openaiOnly', 'big'] as const) {
          const { page } = await openSurface(browser, surface, reports[which], `sources-${surface}-${which}`);
          // Expand everything: ids hidden in a closed group are still in the report.
          const text = await page.evaluate(() => {
            document.querySelectorAll('details').forEach((d) => (d.open = true));
            return document.body.innerText;
          });
          const ids = text.match(/SIZING-FACTS[^\n]{0,20}|\((?:[A-Z]{1,2}\d{1,2})(?:[,;][^)]*)?\)/g) ?? [];
          assert.deepEqual(ids, [], `${which}: internal source ids in the page`);
          // Sources go by public name, and the page ends with each named source as a link.
          const links = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLAnchorElement>('#sources li a')].map((a) => ({ name: a.textContent ?? '', href: a.href })),
          );
          const body = await page.evaluate(() =>
            [...document.querySelectorAll('section:not(#sources)')].map((s) => (s as HTMLElement).innerText).join('\n'),
          );
          if (which === 'examples' || which === 'openaiOnly')
            assert.ok(links.length >= 5, `${which}: the engines' sources are listed (${links.length})`);
          for (const l of links) {
            assert.match(l.href, /^https:\/\//, `${l.name} links to its address`);
            assert.ok(body.includes(l.name), `${l.name} is named in the report`);
          }
          await page.close();
        }
      });
    });
  }

  it('without the chart script, the static SVG charts follow the dark scheme too', async () => {
    const { page } = await openSurface(browser, 'cli', reports.examples, 'report-cli-static-dark', 'dark', { noScript: true });
    const fills = await page.evaluate(() =>
      [...document.querySelectorAll('[data-chart] svg text')]
        .filter((t) => (t.textContent ?? '').trim())
        .map((t) => getComputedStyle(t).fill.match(/\d+/g)!.slice(0, 3).map(Number)),
    );
    assert.ok(fills.length > 10);
    assert.deepEqual(
      fills.filter((rgb) => rgb.reduce((a, b) => a + b, 0) / 3 < 150),
      [],
      'dark chart text on the dark page',
    );
    await page.close();
  });

  it('screenshots of the examples report in light and dark at 1280 px (test-results/report-*.png)', async () => {
    for (const surface of ['cli', 'webview'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const { page, errors } = await openSurface(browser, surface, reports.examples, `report-${surface}-${scheme}`, scheme);
        const file = join(OUT, `report-${surface === 'cli' ? 'html' : 'editor'}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        assert.deepEqual(errors, []);
        // The page follows the scheme: its background is light or dark.
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number));
        const luminance = (bg[0]! + bg[1]! + bg[2]!) / 3;
        assert.ok(scheme === 'light' ? luminance > 200 : luminance < 60, `${surface} ${scheme}: background rgb(${bg.join(', ')})`);
        // So do the charts: every chart text is dark on a light page and light on a dark one.
        const fills = await page.evaluate(() =>
          [...document.querySelectorAll('[data-chart] svg text')]
            .filter((t) => (t.textContent ?? '').trim())
            .map((t) => ({ text: t.textContent!, rgb: getComputedStyle(t).fill.match(/\d+/g)!.slice(0, 3).map(Number) })),
        );
        assert.ok(fills.length > 10, 'the charts have text');
        const wrong = fills
          .filter((f) => (scheme === 'light' ? f.rgb.reduce((a, b) => a + b, 0) / 3 > 140 : f.rgb.reduce((a, b) => a + b, 0) / 3 < 150))
          .map((f) => `${f.text}: rgb(${f.rgb.join(', ')})`);
        assert.deepEqual(wrong.slice(0, 5), [], `${surface} ${scheme}: ${wrong.length} chart texts hard to read`);
        await page.close();
      }
    }
  });
});
