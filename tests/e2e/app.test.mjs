// Browser end-to-end test of the built app in dist/ (run scripts/build-web first).
//
// Uses the system Chromium through playwright-core (never a downloaded browser), serves dist/
// from its own static server on a free port, and checks what the page shows after each
// interaction: a screenshot alone cannot tell a broken wasm build from a working one.
// Screenshots go to target/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');
const SHOTS = path.join(ROOT, 'target', 'e2e');
const SAMPLE = fs.readFileSync(
  path.join(ROOT, 'tests/fixtures/samples/renhe-2020-final-accounts.txt'),
  'utf8',
);
// 2020年我局部门总支出为31538486.48元：基本支出为5270317.31元（…）；项目支出16220000.00元。
const SUM_TOTAL = '31538486.48';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

let server, origin, profileDir, context, page;
const requests = [];
const problems = []; // page errors, console errors (CSP violations show up here)

function serveDist(req, res) {
  const url = new URL(req.url, 'http://localhost');
  let rel = decodeURIComponent(url.pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(DIST, path.normalize(rel));
  if (!file.startsWith(DIST + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  fs.readFile(file, (err, body) => {
    if (err) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
}

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/index.html missing: run scripts/build-web');
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} missing: run scripts/setup`);
  fs.mkdirSync(SHOTS, { recursive: true });

  server = http.createServer(serveDist);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;

  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gouji-e2e-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  context.on('request', (r) => requests.push(r.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
});

after(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

const shot = (name) => page.screenshot({ path: path.join(SHOTS, name), fullPage: false });
const text = (sel) => page.locator(sel).first().innerText();

/** The findings as the page shows them. */
const findings = () =>
  page.$$eval('[data-testid=finding]', (items) =>
    items.map((li) => ({
      index: li.dataset.findingIndex,
      rule: li.dataset.rule,
      severity: li.dataset.severity,
      quote: li.querySelector('[data-testid=finding-quote]')?.textContent ?? '',
      message: li.querySelector('[data-testid=finding-message]')?.textContent ?? '',
    })),
  );

test('the app loads and shows its empty state', { timeout: 60_000 }, async () => {
  await page.goto(`${origin}/`);
  await page.waitForSelector('[data-testid=input]', { timeout: 20_000 });
  assert.equal(await page.title(), '勾稽 · 决算报告数字核查');
  assert.match(await text('h1'), /勾稽/);
  assert.match(await text('[data-testid=stats]'), /尚未输入/);
  assert.equal(await page.locator('[data-testid=finding]').count(), 0);
  assert.equal(await page.locator('#boot-status').count(), 0, 'loading message still shown');
  await shot('01-empty.png');
});

test('pasting the renhe sample checks it', { timeout: 60_000 }, async () => {
  await page.fill('[data-testid=input]', SAMPLE);
  await page.waitForFunction(
    () => /核查 \d+ 处数字关系/.test(document.querySelector('[data-testid=stats]')?.textContent ?? ''),
    null,
    { timeout: 20_000 },
  );
  // The read-only view holds exactly the text, marks included.
  const viewText = await page.$eval('[data-testid=text-view]', (el) => el.textContent);
  assert.equal(viewText, SAMPLE, 'text view differs from the pasted text');
  await shot('02-checked.png');

  const found = await findings();
  const sum = found.find((f) => f.rule === 'sum' && f.severity === 'error' && f.quote.includes(SUM_TOTAL));
  assert.ok(
    sum,
    `no sum error quoting ${SUM_TOTAL}; the page shows ${found.length} finding(s): ` +
      JSON.stringify(found.slice(0, 10)),
  );
  const item = page.locator(`[data-testid=finding][data-finding-index="${sum.index}"]`);
  assert.match(await item.innerText(), /错误/, 'severity label missing');
});

test('clicking the sum finding selects its mark and scrolls it into view', { timeout: 60_000 }, async () => {
  const found = await findings();
  const sum = found.find((f) => f.rule === 'sum' && f.severity === 'error' && f.quote.includes(SUM_TOTAL));
  assert.ok(sum, 'no sum finding to click (see the test above)');
  await page.click(`[data-testid=finding][data-finding-index="${sum.index}"]`);
  const item = page.locator(`[data-testid=finding][data-finding-index="${sum.index}"]`);
  assert.match((await item.getAttribute('class')) ?? '', /\bselected\b/);

  const mark = page.locator('[data-testid=text-view] mark.selected');
  await mark.waitFor({ timeout: 5_000 });
  assert.equal(await mark.count(), 1, 'exactly one mark should be selected');
  assert.ok((await mark.innerText()).includes(SUM_TOTAL), 'the selected mark does not hold the total');

  // Scrolling is smooth: wait until the mark sits inside both the window and its pane.
  const visible = () =>
    page.evaluate(() => {
      const m = document.querySelector('[data-testid=text-view] mark.selected');
      const pane = document.querySelector('[data-testid=text-view]');
      if (!m || !pane) return false;
      const r = m.getBoundingClientRect();
      const p = pane.getBoundingClientRect();
      return (
        r.height > 0 &&
        r.top >= Math.max(0, p.top) - 1 &&
        r.bottom <= Math.min(window.innerHeight, p.bottom) + 1
      );
    });
  let ok = false;
  for (let i = 0; i < 40 && !ok; i++) {
    ok = await visible();
    if (!ok) await page.waitForTimeout(100);
  }
  assert.ok(ok, 'selected mark is not scrolled into view');
  await shot('03-selected.png');
});

test('the text survives a reload', { timeout: 60_000 }, async () => {
  await page.reload();
  await page.waitForSelector('[data-testid=input]', { timeout: 20_000 });
  assert.equal(await page.inputValue('[data-testid=input]'), SAMPLE);
  // Checked at once, in the worker.
  await page.waitForFunction(() => /核查 \d+ 处数字关系/.test(document.querySelector('[data-testid=stats]')?.textContent ?? ''), null, { timeout: 10_000 });
});

test('after a crash the saved text is restored but not checked until asked', { timeout: 60_000 }, async () => {
  // What the panic hook leaves behind (a text that crashes the checker must not crash every load).
  await page.evaluate(() => localStorage.setItem('gouji.crashed', '1'));
  await page.reload();
  await page.waitForSelector('[data-testid=paused]', { timeout: 20_000 });
  assert.equal(await page.inputValue('[data-testid=input]'), SAMPLE);
  assert.equal(await page.locator('[data-testid=finding]').count(), 0);
  assert.match(await text('[data-testid=stats]'), /暂停/);
  await page.click('[data-testid=resume]');
  await page.waitForFunction(
    () => /核查 \d+ 处数字关系/.test(document.querySelector('[data-testid=stats]')?.textContent ?? ''),
    null,
    { timeout: 20_000 },
  );
  assert.ok((await page.locator('[data-testid=finding]').count()) > 0, 'no findings after resuming');
  assert.equal(await page.evaluate(() => localStorage.getItem('gouji.crashed')), null);
});

test('a narrow window stacks the panes', { timeout: 60_000 }, async () => {
  await page.setViewportSize({ width: 420, height: 900 });
  const [a, b] = await page.$$eval('.pane', (ps) => ps.map((p) => p.getBoundingClientRect().toJSON()));
  assert.ok(b.top >= a.bottom - 1, 'panes should stack on a narrow screen');
  await shot('04-narrow.png');
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('every request stays on the page origin and nothing errs', async () => {
  assert.ok(requests.length > 0);
  const foreign = requests.filter((u) => new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'requests left the page origin');
  assert.deepEqual(problems, [], 'page errors or console errors');
});

test('the Content-Security-Policy blocks requests to other origins', { timeout: 30_000 }, async () => {
  const result = await page.evaluate(async () => {
    const violation = new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
      setTimeout(() => resolve(null), 5000);
    });
    let fetched = 'allowed';
    try {
      await fetch('http://192.0.2.1/should-be-blocked');
    } catch {
      fetched = 'failed';
    }
    return { fetched, directive: await violation };
  });
  assert.deepEqual(result, { fetched: 'failed', directive: 'connect-src' });
});
