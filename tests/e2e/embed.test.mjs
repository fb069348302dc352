// Embed mode: the example host page (tests/embed/host.html, its own origin) puts the app in
// an iframe with ?embed=1 and talks to it through the postMessage protocol of docs/embed.md.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SHOTS, start, sample, serveHost } from './harness.mjs';

const RENHE = sample('renhe-2020-final-accounts.txt');
const SUM_TOTAL = '31538486.48';
let env, host;

before(async () => {
  assert.ok(fs.existsSync(path.join(ROOT, 'dist-js', 'gouji.js')), 'dist-js/ missing: run scripts/build-js');
  env = await start();
  host = await serveHost();
});
after(async () => {
  await env?.close();
  await host?.close();
});

const frameResults = (page) => page.evaluate(() => window.frameMessages.filter((m) => m.type === 'gouji:result'));

test('the host page sends a report to the iframe and gets its findings back', { timeout: 90_000 }, async () => {
  const { page, requests, problems, origin } = env;
  const app = `${origin}/?embed=1`;
  await page.goto(`${host.origin}/host.html?app=${encodeURIComponent(app)}`);
  await page.waitForSelector('body[data-frame-ready="1"]', { timeout: 30_000 });
  const ready = await page.evaluate(() => window.frameMessages[0]);
  assert.equal(ready.type, 'gouji:ready');
  assert.equal(ready.protocol, 1);

  // Compact layout inside the frame: the page chrome is gone, the checker is there.
  const frame = page.frameLocator('#gouji-frame');
  assert.equal(await frame.locator('body.embed').count(), 1);
  assert.equal(await frame.locator('.tagline').isVisible(), false);
  assert.equal(await frame.locator('[data-testid="offline-download"]').count(), 0);

  // A text with an emoji first: span16 must still slice the string the host sent.
  await page.fill('#report', '🧾' + RENHE);
  await page.click('#send');
  await page.waitForFunction(() => window.frameMessages.some((m) => m.type === 'gouji:result' && m.id === 1), null, { timeout: 30_000 });
  const [answer] = (await frameResults(page)).filter((m) => m.id === 1);
  const sent = '🧾' + RENHE;
  const sum = answer.result.findings.find((f) => f.rule === 'sum' && f.quote.includes(SUM_TOTAL));
  assert.ok(sum, 'no sum finding in the answer');
  for (const f of answer.result.findings) assert.equal(sent.slice(f.span16.start, f.span16.end), f.quote);
  assert.ok(answer.result.stats.claims > 50);
  // The host rendered them, and the frame shows the same findings itself.
  const items = await page.$$eval('#frame-findings li', (lis) => lis.map((l) => l.textContent));
  assert.equal(items.length, answer.result.findings.length);
  await frame.locator('[data-testid="finding"]').first().waitFor();
  assert.equal(await frame.locator('[data-testid="input"]').inputValue(), sent);
  assert.equal(await frame.locator('[data-testid="finding"]').count(), answer.result.findings.length);
  await page.locator('#gouji-frame').scrollIntoViewIfNeeded();
  await page.locator('#gouji-frame').screenshot({ path: path.join(SHOTS, 'embed-frame.png') });

  // Sending the same text again still gets an answer (the result did not change).
  await page.click('#send');
  await page.waitForFunction(() => window.frameMessages.some((m) => m.type === 'gouji:result' && m.id === 2), null, { timeout: 10_000 });

  // A request replaced by a newer one before its check ended is told so; the newer one is
  // answered with its own text's result.
  let long = '';
  while (long.length < 300_000) long += RENHE + '\n';
  await page.evaluate(
    ([o, a, b]) => {
      const w = document.getElementById('gouji-frame').contentWindow;
      w.postMessage({ type: 'gouji:check', id: 20, text: a }, o);
      w.postMessage({ type: 'gouji:check', id: 21, text: b }, o);
    },
    [origin, long, RENHE],
  );
  await page.waitForFunction(() => window.frameMessages.some((m) => m.type === 'gouji:result' && m.id === 21), null, { timeout: 30_000 });
  const superseded = await page.evaluate(() => window.frameMessages.filter((m) => m.id === 20));
  assert.equal(superseded.length, 1, JSON.stringify(superseded.map((m) => m.type)));
  assert.equal(superseded[0].type, 'gouji:error');
  assert.match(superseded[0].message, /^superseded/);
  const [renhe] = (await frameResults(page)).filter((m) => m.id === 21);
  assert.ok(renhe.result.findings.some((f) => f.rule === 'sum' && f.quote.includes(SUM_TOTAL)));
  assert.equal(await frame.locator('[data-testid="input"]').inputValue(), RENHE);

  // The user's own edit inside the frame reaches the host too, with id null.
  const before = (await frameResults(page)).length;
  await frame.locator('[data-testid="input"]').fill('本年支出合计100万元，其中基本支出60万元，项目支出30万元。');
  await page.waitForFunction((n) => window.frameMessages.filter((m) => m.type === 'gouji:result').length > n, before, { timeout: 10_000 });
  const last = (await frameResults(page)).at(-1);
  assert.equal(last.id, null);
  assert.ok(last.result.findings.some((f) => f.rule === 'sum'), JSON.stringify(last.result.findings.map((f) => f.rule)));

  // A malformed request gets an error reply, not silence and not a crash.
  await page.evaluate((o) => document.getElementById('gouji-frame').contentWindow.postMessage({ type: 'gouji:check', id: 9, text: 42 }, o), origin);
  await page.waitForFunction(() => window.frameMessages.some((m) => m.type === 'gouji:error' && m.id === 9), null, { timeout: 10_000 });

  assert.deepEqual(problems, []);
  const elsewhere = requests.filter((u) => !u.startsWith(origin) && !u.startsWith(host.origin));
  assert.deepEqual(elsewhere, []);
});

test('with ?host=ORIGIN the frame ignores every other origin', { timeout: 60_000 }, async () => {
  const { page, origin } = env;
  const app = `${origin}/?embed=1&host=${encodeURIComponent('https://portal.example')}`;
  await page.goto(`${host.origin}/host.html?app=${encodeURIComponent(app)}`);
  await page.waitForSelector('body[data-frame-ready="1"]', { timeout: 30_000 });
  await page.fill('#report', RENHE);
  await page.click('#send');
  await page.waitForTimeout(1500);
  assert.deepEqual(await frameResults(page), []);
  // Nor did the frame take the text (it shows what it had saved before).
  const inFrame = await page.frameLocator('#gouji-frame').locator('[data-testid="input"]').inputValue();
  assert.notEqual(inFrame, RENHE);
});
