// The single-file bundle dist/gouji.html (scripts/build-single, run by scripts/build-web):
// opened straight from disk, it checks a pasted sample with no request at all; the served
// app offers it as a download.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, SHOTS, start, sample } from './harness.mjs';

const SINGLE = path.join(DIST, 'gouji.html');
const RENHE = sample('renhe-2020-final-accounts.txt');
const SUM_TOTAL = '31538486.48';
let env;

before(async () => {
  assert.ok(fs.existsSync(SINGLE), 'dist/gouji.html missing: run scripts/build-web');
  env = await start();
});
after(async () => env?.close());

test('gouji.html opened from file:// checks a sample with no request', { timeout: 90_000 }, async () => {
  const { page, requests, problems } = env;
  // Only the file itself: no stylesheet, script, wasm or icon fetched, from anywhere.
  const html = fs.readFileSync(SINGLE, 'utf8');
  assert.doesNotMatch(html, /<(script|link)[^>]+(src|href)="(?!data:)/);
  const url = pathToFileURL(SINGLE).href;
  requests.length = 0;
  await page.goto(url);
  await page.waitForSelector('[data-testid="input"]', { timeout: 30_000 });
  assert.equal(await page.locator('#boot-status').count(), 0, 'the loader did not finish');
  await page.fill('[data-testid="input"]', RENHE);
  await page.locator('[data-testid="finding"]').first().waitFor({ timeout: 30_000 });
  const quotes = await page.$$eval('[data-testid="finding-quote"]', (q) => q.map((e) => e.textContent));
  assert.ok(quotes.some((q) => q.includes(SUM_TOTAL)), 'the renhe total is not among the findings');
  assert.match(await page.textContent('[data-testid="stats"]'), /\d/);
  // Already offline: no download link to itself.
  assert.equal(await page.locator('[data-testid="offline-download"]').count(), 0);
  await page.screenshot({ path: path.join(SHOTS, 'offline-file.png') });
  // The checking worker is made from the page's own inline code (a blob: URL).
  assert.equal(await page.getAttribute('[data-testid=layout]', 'data-checker'), 'worker');
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:null/')), []);
  assert.deepEqual(problems, []); // a CSP violation (a hash that does not match) lands here

  // The text survives a reload from disk too.
  await page.reload();
  await page.locator('[data-testid="finding"]').first().waitFor({ timeout: 30_000 });
  assert.equal((await page.inputValue('[data-testid="input"]')).length, RENHE.length);

  // A built-in sample comes from the file's own data block, not from the network.
  requests.length = 0;
  page.once('dialog', (d) => d.accept()); // replacing the current text asks first
  await page.click('[data-testid=sample-dongning]');
  await page.waitForFunction(() => document.querySelector('[data-testid="input"]')?.value.includes('东宁'));
  assert.equal(await page.inputValue('[data-testid="input"]'), sample('dongning-2020-final-accounts.txt'));
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:null/')), []);
});

test('the served app links to the single file as its offline download', { timeout: 60_000 }, async () => {
  const { page, origin } = env;
  await page.goto(`${origin}/`);
  const link = page.locator('[data-testid="offline-download"]');
  await link.waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const saved = await download.path();
  assert.equal(fs.statSync(saved).size, fs.statSync(SINGLE).size);
  assert.match(download.suggestedFilename(), /\.html$/);
});
