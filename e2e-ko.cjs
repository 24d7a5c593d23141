const { chromium } = require('playwright-core');
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const p = await b.newPage({ viewport: { width: 1400, height: 900 } });
  await p.goto('http://127.0.0.1:8766/?folder=/tmp/ws');
  await p.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await p.waitForTimeout(3000);
  await p.click('.activitybar [aria-label^="AI Infra Advisor"]').catch((e) => console.log('no icon', e.message.slice(0, 80)));
  await p.waitForTimeout(2500);
  console.log(await p.$$eval('.pane-header, .welcome-view-content', (els) => els.map((e) => e.textContent.slice(0, 120))));
  await p.screenshot({ path: '/tmp/sz/e2e-ko.png' });
  await b.close();
})();
