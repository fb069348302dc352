// Opening a real PDF (../shared/pdf/20.pdf) in the browser: the PDF reader is a wasm module
// of its own, fetched only when a PDF is opened, in the served app and inlined (but compiled
// only then) in the single file opened from disk. The table slip in its 表5 is found, as the
// CLI finds it in the same PDF.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, DIST, ROOT, SHOTS } from './harness.mjs';

const PDF = path.join(ROOT, '..', 'shared', 'pdf', '20.pdf');
// 表5: 基本支出 82,479.29 where 人员经费 + 公用经费 = 82,529.88.
const TABLE_SLIP = '82,479.29';
let h;

before(async () => {
  assert.ok(fs.existsSync(PDF), `${PDF} missing (CI has ../shared beside the project)`);
  h = await start();
});
after(async () => h?.close());

const note = (page) => page.textContent('[data-testid=file-note]');

async function openAndFindTheSlip(page) {
  await page.setInputFiles('[data-testid=open-file]', PDF);
  await page.waitForFunction(() => /已打开.*PDF/.test(document.querySelector('[data-testid=file-note]')?.textContent ?? ''), null, {
    timeout: 60_000,
  });
  await page.waitForFunction(
    (slip) =>
      [...document.querySelectorAll('[data-testid=finding]')].some(
        (f) => f.dataset.rule === 'table-identity' && f.textContent.includes(slip),
      ),
    TABLE_SLIP,
    { timeout: 60_000 },
  );
}

test('the served app reads a PDF, fetching its reader only then', { timeout: 120_000 }, async () => {
  const { page, origin, requests, problems } = h;
  await page.goto(`${origin}/`);
  await page.waitForSelector('[data-testid=input]', { timeout: 20_000 });
  assert.deepEqual(requests.filter((u) => u.includes('/pdf/')), [], 'the reader loaded before a PDF was opened');
  await openAndFindTheSlip(page);
  assert.ok(requests.some((u) => u.endsWith('/pdf/gouji_pdf_bg.wasm')), 'the reader was not fetched');
  // The finding names its page (表5 is on the PDF's 30th page, printed as 28) and its line.
  const place = await page.$$eval('[data-testid=finding]', (items, slip) => {
    const f = items.find((i) => i.dataset.rule === 'table-identity' && i.textContent.includes(slip));
    return f.querySelector('[data-testid=finding-place]').textContent;
  }, TABLE_SLIP);
  assert.match(place, /第 30 页 · 第 \d+ 行/);
  assert.match(await page.inputValue('[data-testid=input]'), /表5：2026年市级部门一般公共预算支出预算表/);
  await page.screenshot({ path: path.join(SHOTS, 'pdf-served.png') });

  // A broken PDF gives a message and keeps the text.
  const before = await page.inputValue('[data-testid=input]');
  await page.setInputFiles('[data-testid=open-file]', {
    name: 'broken.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog\n'),
  });
  await page.waitForFunction(() => /无法读取 PDF/.test(document.querySelector('[data-testid=file-note]')?.textContent ?? ''), null, {
    timeout: 30_000,
  });
  assert.equal(await page.inputValue('[data-testid=input]'), before);
  // And the reader still works afterwards.
  await page.fill('[data-testid=input]', '');
  await openAndFindTheSlip(page);
  assert.deepEqual(problems, []);
});

test('the single file opened from disk reads a PDF with no request', { timeout: 120_000 }, async () => {
  const { page, requests, problems } = h;
  const url = pathToFileURL(path.join(DIST, 'gouji.html')).href;
  await page.goto(url);
  await page.waitForSelector('[data-testid=input]', { timeout: 30_000 });
  await page.fill('[data-testid=input]', '');
  requests.length = 0;
  await openAndFindTheSlip(page);
  assert.match(await note(page), /PDF/);
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  assert.deepEqual(problems, []);
});
