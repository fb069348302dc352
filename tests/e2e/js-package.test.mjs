// The JavaScript package (dist-js/, built by scripts/build-js): in Node, and in a host page in
// headless Chromium. Spans in UTF-16 units must slice the text that was passed in.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, sample, serveHost } from './harness.mjs';

const DIST_JS = path.join(ROOT, 'dist-js');
const RENHE = sample('renhe-2020-final-accounts.txt');
const SUM_TOTAL = '31538486.48';
let gouji;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST_JS, 'gouji.js')), 'dist-js/ missing: run scripts/build-js');
  gouji = await import(path.join(DIST_JS, 'gouji.js'));
  await gouji.default({ module_or_path: fs.readFileSync(path.join(DIST_JS, 'gouji_bg.wasm')) });
});

test('check() finds the renhe slips, and span16 slices the text passed in', () => {
  // A leading emoji and CJK make UTF-8 bytes, UTF-16 units and code points all differ.
  const text = '🧾' + RENHE;
  const r = gouji.check(text);
  const sum = r.findings.find((f) => f.rule === 'sum' && f.quote.includes(SUM_TOTAL));
  assert.ok(sum, 'no sum finding');
  for (const f of r.findings) {
    assert.equal(text.slice(f.span16.start, f.span16.end), f.quote);
    for (const rel of f.related) assert.equal(text.slice(rel.span16.start, rel.span16.end), rel.quote);
  }
  for (const e of r.ledger) assert.equal(text.slice(e.span16.start, e.span16.end), e.quote);
  assert.equal(r.report.kind, 'final_accounts');
  assert.ok(r.stats.claims > 50);
});

test('options and rules()', () => {
  const only = gouji.check(RENHE, { rules: ['sum'] });
  assert.ok(only.findings.length > 0 && only.findings.every((f) => f.rule === 'sum'));
  assert.throws(() => gouji.check(RENHE, { rules: ['no-such-rule'] }), /unknown rule/);
  assert.throws(() => gouji.check(RENHE, { colour: 1 }), /unknown option/);
  const ids = gouji.rules().map((r) => r.id);
  for (const id of ['sum', 'share', 'growth', 'restated', 'identity', 'table', 'required']) assert.ok(ids.includes(id), id);
  assert.match(gouji.version(), /^\d+\.\d+\.\d+/);
});

test('an example host page uses the package in Chromium, with no request elsewhere', { timeout: 60_000 }, async () => {
  const host = await serveHost();
  const origin = host.origin;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gouji-js-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const requests = [];
  ctx.on('request', (r) => requests.push(r.url()));
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/host.html`);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
    await page.fill('#report', RENHE);
    await page.click('#run');
    await page.waitForSelector('#findings li');
    const items = await page.$$eval('#findings li', (lis) => lis.map((l) => l.textContent));
    assert.ok(items.some((t) => t.includes('sum') && t.includes(SUM_TOTAL)), items.slice(0, 3).join('\n'));
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
  } finally {
    await ctx.close();
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
