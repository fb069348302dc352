// The browser's time limit (issue 16): a check that runs longer than the limit (20 s,
// web/src/checker.rs TIME_LIMIT_MS) is stopped, its worker terminated and a fresh one
// started; the status says, in Chinese and in English, that the text was too slow to check
// and that none of it was checked; the text stays in its box and the previous results stay
// on screen; the next text is checked as usual.
//
// To run in seconds, the page is given a 2 s limit through `globalThis.goujiTimeLimitMs`
// (set before the app starts; it can only shorten the limit), and the worker is served with
// a check that spins for 30 s on a text starting with 慢, as in worker.test.mjs (the core
// itself is linear: a text that takes it 20 s is one the browser takes long to lay out).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, sample, DIST } from './harness.mjs';

const RENHE = sample('renhe-2020-final-accounts.txt');
const DONGNING = sample('dongning-2020-final-accounts.txt');
const LIMIT_MS = 2_000;

let h;
before(async () => {
  h = await start();
});
after(async () => h?.close());

const stats = (page) => page.textContent('[data-testid=stats]');

/** Replaces the text as a paste does. */
const paste = (page, text) =>
  page.evaluate((t) => {
    const el = document.querySelector('[data-testid=input]');
    el.value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    return new Promise((resolve) => setTimeout(resolve, 0));
  }, text);

const checked = (page, timeout = 30_000) =>
  page.waitForFunction(
    () =>
      document.querySelector('.pane-findings')?.getAttribute('aria-busy') === 'false' &&
      /核查 \d+ 处数字关系|Checked \d+ relations/.test(document.querySelector('[data-testid=stats]')?.textContent ?? ''),
    null,
    { timeout },
  );

test('a check longer than the time limit is stopped with a notice; the text and the previous results stay', { timeout: 120_000 }, async () => {
  const source = fs.readFileSync(path.join(DIST, 'worker.js'), 'utf8');
  const slowSource = source.replace(
    'return glue.goujiCheck;',
    `return (t) => {
      if (t.startsWith('慢')) for (const end = Date.now() + 30_000; Date.now() < end; );
      return glue.goujiCheck(t);
    };`,
  );
  assert.notEqual(slowSource, source, 'worker.js changed: update this test');
  const page = await h.context.newPage();
  const workers = [];
  page.on('worker', (w) => workers.push(w));
  await page.route('**/worker.js', (route) => route.fulfill({ body: slowSource, contentType: 'text/javascript' }));
  await page.addInitScript((ms) => (globalThis.goujiTimeLimitMs = ms), LIMIT_MS);
  try {
    await page.goto(`${h.origin}/`);
    await page.waitForSelector('[data-testid=input]', { timeout: 30_000 });
    // A report checked within the limit: its results are the previous ones below.
    await paste(page, RENHE);
    await checked(page);
    const findings = await page.locator('[data-testid=finding]').count();
    assert.ok(findings > 0);
    const started = workers.length;

    const t0 = Date.now();
    const slow = '慢' + RENHE;
    await paste(page, slow);
    await page.waitForFunction(() => /已停止/.test(document.querySelector('[data-testid=stats]').textContent), null, { timeout: 15_000 });
    const stopped = Date.now() - t0;
    const chars = [...slow].length.toLocaleString('en-US');
    assert.equal(
      await stats(page),
      `这段文本（${chars} 字）核查超过 2 秒仍未完成，已停止：全文均未核查，下方仍是上一段文本的核查结果。请分段粘贴核查。`,
    );
    console.log(`a check spinning for 30 s was stopped ${stopped} ms after the paste (limit ${LIMIT_MS} ms)`);
    assert.ok(stopped >= LIMIT_MS - 100 && stopped < LIMIT_MS + 5_000, `${stopped} ms`);
    // Nothing lost: the text in its box, the previous results listed, no longer busy.
    assert.equal(await page.inputValue('[data-testid=input]'), slow);
    assert.equal(await page.locator('[data-testid=finding]').count(), findings);
    assert.equal(await page.getAttribute('.pane-findings', 'aria-busy'), 'false');
    // The stuck worker was replaced by a fresh one.
    assert.equal(workers.length, started + 1, 'the stuck worker was not replaced');
    assert.equal(await page.getAttribute('[data-testid=layout]', 'data-checker'), 'worker');

    // In English too.
    await page.click('[data-testid=lang]');
    try {
      assert.equal(
        await stats(page),
        `This text (${chars} characters) took longer than 2 s to check and was stopped: none of it was checked; ` +
          'the results shown are those of the previous text. Check it in parts (paste a section at a time).',
      );
    } finally {
      await page.click('[data-testid=lang]');
    }

    // The next text is checked as usual, by the fresh worker.
    await paste(page, DONGNING);
    await checked(page, 10_000);
    assert.match(await stats(page), /核查 \d+ 处数字关系/);
    assert.equal(workers.length, started + 1);
  } finally {
    await page.close();
  }
});
