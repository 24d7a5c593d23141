/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML sizing report in a real browser (Debian's chromium through playwright-core): no console errors, no CSP
// violations, the bundled ECharts draws every chart with data, hostile text from scanned code stays text, and a
// screenshot is saved under test-results/ for a person to look at.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { analyze } from '../../src/core/analyze';
import { loadChartScript, toHtml } from '../../src/core/report/html';
import { buildSizingReport, type SizingReport } from '../../src/core/report/sizing-model';
import { loadWorkloadFile } from '../../src/core/sizing/workload';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface PageReport {
  errors: string[];
  csp: string[];
  charts: Array<{ id: string; rendered: string | undefined; points: number }>;
  pwned: boolean;
}

async function open(browser: Browser, html: string, name: string): Promise<PageReport> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) errors.push(`network request: ${r.url()}`);
  });
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`file://${file}`);
  await page.waitForFunction(() => document.querySelectorAll('[data-chart]').length > 0);
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => {
    const w = window as unknown as {
      __csp: string[];
      __pwned?: number;
      __charts?: Array<{ getOption(): { series: Array<{ data: unknown[] }> }; getDom(): HTMLElement }>;
    };
    const charts = [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((el) => {
      const inst = (w.__charts ?? []).find((c) => c.getDom() === el);
      const points = inst ? inst.getOption().series.reduce((n, s) => n + s.data.length, 0) : 0;
      return { id: el.dataset.chart!, rendered: el.dataset.rendered, points };
    });
    return { csp: w.__csp, charts, pwned: w.__pwned === 1 };
  });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  await page.close();
  return { errors, ...state };
}

describe('HTML sizing report in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let report: SizingReport;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      // CI installs chromium (.ci/run); elsewhere say what is missing instead of failing obscurely.
      if (process.env.CI) throw new Error(`chromium not found at ${CHROMIUM}`);
      this.skip();
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const result = await analyze({ root: ROOT, paths: ['examples'] });
    report = buildSizingReport(result, loadWorkloadFile(ROOT, { path: join(ROOT, 'examples/ai-infra-advisor.workload.json'), profile: 'medium' }));
  });
  after(async () => browser?.close());

  it('draws every chart with the bundled ECharts, with no console error, CSP violation or network request', async () => {
    const script = loadChartScript();
    assert.ok(script, 'dist/report-charts.js is built by npm run build');
    const page = await open(browser, toHtml(report, { chartScript: script }), 'sizing-report');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.csp, []);
    assert.deepEqual(page.charts.map((c) => c.id).sort(), ['cost-vs-traffic', 'gpu-peak-vs-target', 'storage-nodes-vs-months']);
    for (const c of page.charts) {
      assert.equal(c.rendered, 'echarts', `${c.id} was drawn by ECharts`);
      assert.ok(c.points >= 3, `${c.id} has data (${c.points} points)`);
    }
  });

  it('without the chart script the server-side SVG charts remain', async () => {
    const page = await open(browser, toHtml(report, { chartScript: null }), 'sizing-report-static');
    assert.deepEqual(page.errors, []);
    assert.equal(page.charts.length, 3, 'the three chart figures are in the page');
    assert.ok(page.charts.every((c) => c.rendered === undefined));
  });

  it('hostile text from scanned code renders as text: no script runs, CSP reports nothing', async () => {
    const hostile: SizingReport = JSON.parse(JSON.stringify(report));
    const evil = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">\u202ejavascript:alert(1)';
    hostile.llm.streams[0]!.id = evil;
    hostile.gpu.files[0]!.path = evil;
    hostile.engines[0]!.roles[0]!.why = evil;
    const page = await open(browser, toHtml(hostile, { chartScript: loadChartScript() }), 'sizing-report-hostile');
    assert.equal(page.pwned, false);
    assert.deepEqual(page.csp, []);
    assert.deepEqual(page.errors, []);
  });
});
