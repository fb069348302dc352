// The workbench problems of issue 17's walkthrough: an opened file can be undone, dismissing
// changes the counts, English mode reaches the CSV, the report type, the engine's fixed words
// and <html lang>, no nested interactive elements, room for findings at 1280 × 800, drag-over
// feedback, touch targets of 24 px at 360 px.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, sample, ROOT } from './harness.mjs';

const RENHE = sample('renhe-2020-final-accounts.txt');
const SUM_TOTAL = '31538486.48';
let h, page;

const paste = (text) =>
  page.evaluate((t) => {
    const el = document.querySelector('[data-testid=input]');
    el.value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
const checked = () =>
  page.waitForFunction(
    () =>
      document.querySelector('.pane-findings')?.getAttribute('aria-busy') === 'false' &&
      /核查 \d+ 处数字关系|Checked \d+ relations/.test(document.querySelector('[data-testid=stats]')?.textContent ?? ''),
    null,
    { timeout: 30_000 },
  );

before(async () => {
  h = await start();
  page = h.page;
  await page.goto(`${h.origin}/`);
  await page.waitForSelector('[data-testid=input]', { timeout: 30_000 });
  await paste(RENHE);
  await checked();
});
after(async () => h?.close());

test('an opened file replacing a text can be undone', { timeout: 60_000 }, async () => {
  const mine = RENHE.replace(SUM_TOTAL, '21490317.31');
  await paste(mine);
  await checked();
  await page.setInputFiles('[data-testid=open-file]', path.join(ROOT, 'tests/fixtures/input/renhe-gbk.txt'));
  await page.waitForFunction(() => /已打开/.test(document.querySelector('[data-testid=file-note]')?.textContent ?? ''));
  assert.equal(await page.inputValue('[data-testid=input]'), RENHE);
  await page.click('[data-testid=undo-open]');
  assert.equal(await page.inputValue('[data-testid=input]'), mine);
  assert.equal(await page.locator('[data-testid=undo-open]').count(), 0);
  await paste(RENHE);
  await checked();
});

test('dismissing a finding changes its group counts', { timeout: 60_000 }, async () => {
  const item = page.locator('[data-testid=finding][data-rule=sum]').first();
  const heading = page.locator('[data-rule-group=sum] h4 .n').first();
  const before = (await heading.textContent()).trim();
  assert.match(before, /^\d+$/);
  await item.locator('[data-testid=dismiss]').click();
  assert.equal((await heading.textContent()).trim(), `${before}（1 已标误报）`);
  await page.click('[data-testid=lang]');
  assert.equal((await heading.textContent()).trim(), `${before} (1 dismissed)`);
  await page.click('[data-testid=lang]');
  await item.locator('[data-testid=dismiss]').click();
  assert.equal((await heading.textContent()).trim(), before);
});

test('English mode: CSV, report type, the engine\'s fixed words and <html lang>', { timeout: 60_000 }, async () => {
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.click('[data-testid=lang]');
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('[data-testid=kind]'), /^Report type: final accounts · 2020$/);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    const csv = fs.readFileSync(await dl.path(), 'utf8');
    // The CLI's columns (gouji check --format csv) and the export's own `dismissed`.
    assert.ok(csv.startsWith('\ufefffile,line,column,rule,severity,message,stated,expected,formula,repair,cause,quote,start,end,dismissed\n'), csv.slice(0, 120));
    assert.ok(csv.includes(',error,'), 'severities as the CLI writes them');
    assert.doesNotMatch(csv, /相差|，/);
    const details = await page.$$eval('.finding .formula, .finding .repair, .finding .related .note-text', (els) => els.map((e) => e.textContent));
    assert.ok(details.length > 0);
    for (const d of details) assert.doesNotMatch(d, /若.*则一致|相差|分项|另一处/, d);
  } finally {
    await page.click('[data-testid=lang]');
  }
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
});

test('no interactive element inside another; lists hold list items only', async () => {
  const problems = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('[role=button], button, a[href], summary')) {
      const inner = el.querySelector('button, a[href], input, select, textarea, [role=button], [tabindex="0"]');
      if (inner) out.push(`${el.tagName}.${el.className} holds ${inner.tagName}`);
    }
    for (const list of document.querySelectorAll('ol, ul')) {
      for (const child of list.children) {
        if (child.tagName !== 'LI' || child.hasAttribute('role')) out.push(`${list.tagName}.${list.className} > ${child.tagName}[role=${child.getAttribute('role')}]`);
      }
    }
    return out;
  });
  assert.deepEqual(problems, []);
  // Each card is still reached by the keyboard, through its heading button.
  assert.ok((await page.locator('[data-testid=finding] > .finding-head > button.finding-select').count()) > 0);
});

// Before: the header, the controls and the first card's details left room for one card.
test('at 1280 × 800 several finding cards are in view', async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const inView = await page.evaluate(() => {
    const list = document.querySelector('.pane-findings .findings-wrap');
    list.scrollTop = 0;
    const pane = list.getBoundingClientRect();
    const bottom = Math.min(pane.bottom, window.innerHeight);
    return [...document.querySelectorAll('[data-testid=finding]')].filter((f) => f.getBoundingClientRect().top < bottom - 40).length;
  });
  assert.ok(inView >= 3, `${inView} finding card(s) start in view`);
});

test('a file dragged over the text box is answered', async () => {
  const classes = () => page.getAttribute('[data-testid=input]', 'class');
  await page.dispatchEvent('[data-testid=input]', 'dragover');
  assert.match((await classes()) ?? '', /\bdrag-over\b/);
  await page.dispatchEvent('[data-testid=input]', 'dragleave');
  assert.doesNotMatch((await classes()) ?? '', /\bdrag-over\b/);
});

test('touch targets are at least 24 px at 360 px', { timeout: 30_000 }, async () => {
  await page.setViewportSize({ width: 360, height: 800 });
  try {
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, summary, .open-file, [role=button]')]
        .map((el) => [el, el.getBoundingClientRect()])
        .filter(([el, r]) => r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden')
        .filter(([el, r]) => r.height < 24 || r.width < 24)
        .map(([el, r]) => `${el.tagName}.${el.className} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    assert.deepEqual(small, []);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test('no request leaves the page, nothing errs', () => {
  assert.deepEqual(h.requests.filter((u) => !u.startsWith(h.origin)), []);
  assert.deepEqual(h.problems, []);
});
