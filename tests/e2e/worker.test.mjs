// Checking off the main thread (issue 17): the check runs in a Web Worker, so the page stays
// responsive while a long text is checked; a paste is checked at once (the time to its first
// finding is printed, goal ≤ 150 ms for a 20 K-character report) while typing keeps its short
// pause; the previous results stay on screen, marked stale, until the new ones come; a newer
// text supersedes a check in flight; without workers the page checks on the main thread (the
// checker module loaded on demand); and the single file does the same from file://.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, sample, setText, ROOT, DIST } from './harness.mjs';

const RENHE = sample('renhe-2020-final-accounts.txt');
const SAMPLES = fs
  .readdirSync(path.join(ROOT, 'tests/fixtures/samples'))
  .map((n) => sample(n))
  .sort((a, b) => b.length - a.length);
/** About 20,000 characters of real reports, cut at a line end. */
const REPORT_20K = (() => {
  const joined = SAMPLES.join('\n');
  return joined.slice(0, joined.indexOf('\n', 20_000));
})();
/** A text of at least `bytes` UTF-8 bytes made of the samples. */
const textOf = (bytes) => {
  let t = '';
  while (Buffer.byteLength(t) < bytes) t += SAMPLES[0] + '\n';
  return t;
};
const MB = textOf(1 << 20);
const SINGLE = path.join(DIST, 'gouji.html');

let h;
before(async () => {
  h = await start();
  // When each message from a worker arrives (window.fromWorker): the check's end, for
  // measurePaste.
  await h.page.addInitScript(() => {
    window.fromWorker = [];
    const d = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
    Object.defineProperty(Worker.prototype, 'onmessage', {
      set(handler) {
        d.set.call(this, (e) => {
          window.fromWorker.push(performance.now());
          return handler(e);
        });
      },
      get() {
        return d.get.call(this);
      },
    });
  });
  await open(h.page, `${h.origin}/`);
});
after(async () => h?.close());

const DONE = /核查 \d+ 处数字关系/;

/** Opens `url` and waits for the app, its saved text emptied. */
async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('[data-testid=input]', { timeout: 30_000 });
  await setText(page, '', 'deleteContentBackward');
  await page.waitForFunction(() => /尚未输入/.test(document.querySelector('[data-testid=stats]')?.textContent ?? ''));
}


/** Waits for the check of the current text to be on screen. */
const checked = (page, timeout = 30_000) =>
  page.waitForFunction(
    () =>
      document.querySelector('.pane-findings')?.getAttribute('aria-busy') === 'false' &&
      /核查 \d+ 处数字关系|Checked \d+ relations/.test(document.querySelector('[data-testid=stats]')?.textContent ?? ''),
    null,
    { timeout },
  );

/** Pastes `text` and measures, in the page: the time from the paste to the first finding
 *  painted (the frame after it is in the DOM) and to the check's result (the status line);
 *  main-thread tasks over 50 ms (PerformanceObserver 'longtask'): the paste's own, the
 *  longest while the worker checks, the longest until the findings are painted; and the
 *  longest stall of a 10 ms timer while the worker checks. */
const measurePaste = (page, text) =>
  page.evaluate(
    (t) =>
      new Promise((resolve) => {
        const el = document.querySelector('[data-testid=input]');
        const stats = document.querySelector('[data-testid=stats]');
        const tasks = [];
        const lt = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
        lt.observe({ type: 'longtask' });
        let result = null;
        // The longest gap between timer callbacks asking for 10 ms: the main thread's
        // longest stall of any kind (the browser's own layout and painting included).
        let maxGap = 0;
        let tick = performance.now();
        const probe = setInterval(() => {
          const now = performance.now();
          if (result === null) maxGap = Math.max(maxGap, now - tick - 10);
          tick = now;
        }, 10);
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (result === null && /核查 \d+ 处数字关系/.test(stats.textContent)) result = performance.now();
          if (document.querySelector('[data-testid=finding]')) {
            obs.disconnect();
            requestAnimationFrame(() => {
              const painted = performance.now();
              // Long tasks are reported after they end: give the last one a moment.
              setTimeout(() => {
                lt.disconnect();
                clearInterval(probe);
                const end = result ?? painted;
                // The worker's first message since the paste (a long text's preview, else the
                // result): the tasks that read and render it are not the check's.
                const answered = (window.fromWorker ?? []).find((x) => x > t0) ?? end;
                // The paste's own task (started just before t0: the browser puts the text in
                // the text box, the app takes it in and posts it to the worker), then what ran
                // while the worker checked (tasks that ended before its first answer came).
                const own = tasks.filter((x) => x.startTime <= t0 && x.startTime + x.duration > t0);
                const longest = (xs) => Math.max(0, ...xs.map((x) => x.duration));
                resolve({
                  tasks: tasks.map((x) => [Math.round(x.startTime - t0), Math.round(x.duration)]),
                  firstFinding: painted - t0,
                  result: end - t0,
                  pasteTask: longest(own),
                  // (Give or take the API's rounding to whole milliseconds.)
                  longestWhileChecking: longest(tasks.filter((x) => x.startTime > t0 && x.startTime + x.duration < Math.min(end, answered) - 2)),
                  stallWhileChecking: maxGap,
                  longestUntilPainted: longest(tasks.filter((x) => x.startTime + x.duration > t0 && x.startTime < painted)),
                });
              }, 100);
            });
          }
        });
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
        el.value = t;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }),
    text,
  );

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('checks run in a worker; a pasted 20 K report shows its first finding at once', { timeout: 120_000 }, async () => {
  const { page, origin } = h;
  await open(page, `${origin}/`);
  assert.equal(await page.getAttribute('[data-testid=layout]', 'data-checker'), 'worker');
  assert.ok(h.requests.some((u) => u.endsWith('/worker.js')), 'no worker script loaded');
  assert.ok(REPORT_20K.length > 19_000 && REPORT_20K.length < 21_000, `${REPORT_20K.length}`);
  const times = [];
  for (let i = 0; i < 5; i++) {
    await setText(page, '', 'deleteContentBackward');
    await page.waitForFunction(() => /尚未输入/.test(document.querySelector('[data-testid=stats]')?.textContent ?? ''));
    times.push((await measurePaste(page, REPORT_20K)).firstFinding);
  }
  console.log(
    `paste → first finding painted, ${REPORT_20K.length} chars: median ${median(times).toFixed(0)} ms ` +
      `(${times.map((t) => t.toFixed(0)).join(', ')}; goal ≤ 150 ms)`,
  );
  // The goal is 150 ms (met on the idle 2-core development machine); the bound, twice that,
  // leaves room for a machine busy with other work and still fails a paste that waits for
  // the typing pause (300 ms) or a check back on the main thread.
  assert.ok(median(times) <= 300, `median ${median(times)} ms`);
});

test('a real Ctrl+V is checked without the typing pause; typing keeps it', { timeout: 60_000 }, async () => {
  const { page, context, origin } = h;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await setText(page, '', 'deleteContentBackward');
  await page.focus('[data-testid=input]');
  await page.evaluate((t) => navigator.clipboard.writeText(t), RENHE);
  const sinceKey = page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.querySelector('[data-testid=input]');
        let t0 = 0;
        let kind = '';
        el.addEventListener('keydown', () => (t0 = performance.now()), { once: true });
        el.addEventListener('input', (e) => (kind = e.inputType), { once: true });
        const obs = new MutationObserver(() => {
          if (document.querySelector('[data-testid=finding]')) {
            obs.disconnect();
            requestAnimationFrame(() => resolve({ ms: performance.now() - t0, kind }));
          }
        });
        obs.observe(document.body, { childList: true, subtree: true });
      }),
  );
  await page.keyboard.press('Control+V');
  const pasted = await sinceKey;
  assert.equal(pasted.kind, 'insertFromPaste');
  assert.equal((await page.inputValue('[data-testid=input]')).length, RENHE.length);
  console.log(`Ctrl+V of ${RENHE.length} chars → first finding painted in ${pasted.ms.toFixed(0)} ms`);

  // A keystroke: "checking" at once, the check itself after the typing pause (300 ms).
  await page.keyboard.press('End');
  const typed = page.evaluate(
    () =>
      new Promise((resolve) => {
        const stats = document.querySelector('[data-testid=stats]');
        let t0 = 0;
        let sawChecking = false;
        document.querySelector('[data-testid=input]').addEventListener('input', () => (t0 = performance.now()), { once: true });
        const obs = new MutationObserver(() => {
          if (/核查中/.test(stats.textContent)) sawChecking = true;
          else if (sawChecking && /核查 \d+ 处数字关系/.test(stats.textContent)) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(stats, { childList: true, subtree: true, characterData: true });
      }),
  );
  await page.keyboard.type('x');
  const ms = await typed;
  console.log(`a keystroke → checked after ${ms.toFixed(0)} ms (the typing pause is 300 ms)`);
  assert.ok(ms >= 280, `${ms} ms: typing was checked without its pause`);
});

/** Pastes `text` and returns every state the page went through until the new result was
 *  on screen: the stale marker, aria-busy, the status line and the number of findings listed. */
const transition = (page, text) =>
  page.evaluate(
    (t) =>
      new Promise((resolve) => {
        const main = document.querySelector('[data-testid=layout]');
        const stats = document.querySelector('[data-testid=stats]');
        const states = [];
        const note = () => {
          const s = {
            stale: main.classList.contains('stale'),
            busy: document.querySelector('.pane-findings').getAttribute('aria-busy'),
            stats: stats.textContent,
            findings: document.querySelectorAll('[data-testid=finding]').length,
          };
          const last = states.at(-1);
          if (!last || last.stale !== s.stale || last.stats !== s.stats || last.busy !== s.busy) states.push(s);
          if (states.length > 1 && s.busy === 'false' && /核查 \d+ 处数字关系|^Checked \d+ relations/.test(s.stats)) {
            obs.disconnect();
            resolve(states);
          }
        };
        const obs = new MutationObserver(note);
        obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        note();
        const el = document.querySelector('[data-testid=input]');
        el.value = t;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }),
    text,
  );

test('a paste, a drop and an opened file are posted to the worker at once; typing after its pause', { timeout: 60_000 }, async () => {
  const page = await h.context.newPage();
  try {
    // When each check is posted to the worker, and when the edit that asked for it came.
    await page.addInitScript(() => {
      window.posts = [];
      window.edits = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (m, ...rest) {
        if (m?.type === 'check') window.posts.push(performance.now());
        return post.call(this, m, ...rest);
      };
      for (const type of ['input', 'change']) {
        document.addEventListener(type, () => window.edits.push(performance.now()), { capture: true });
      }
    });
    await open(page, `${h.origin}/`);
    const delay = async (edit) => {
      await page.evaluate(() => {
        window.posts.length = 0;
        window.edits.length = 0;
      });
      await edit();
      await checked(page);
      const [edit0, post0] = await page.evaluate(() => [window.edits[0], window.posts[0]]);
      return post0 - edit0;
    };
    const paste = await delay(() => setText(page, RENHE, 'insertFromPaste'));
    const drop = await delay(() => setText(page, RENHE + '\n', 'insertFromDrop'));
    // (A .txt: a .docx is read by a module fetched when the first one is opened.)
    const file = await delay(async () => {
      await page.setInputFiles('[data-testid=open-file]', path.join(ROOT, 'tests/fixtures/input/renhe-gbk.txt'));
      await page.waitForFunction(() => /已打开/.test(document.querySelector('[data-testid=file-note]')?.textContent ?? ''));
    });
    const typed = await delay(() => setText(page, RENHE + '。', 'insertText'));
    console.log(
      `from the edit to the check posted: paste ${paste.toFixed(0)} ms, drop ${drop.toFixed(0)} ms, ` +
        `opened GBK .txt ${file.toFixed(0)} ms (reading it included), typing ${typed.toFixed(0)} ms`,
    );
    for (const d of [paste, drop, file]) assert.ok(d < 150, `${d} ms`);
    assert.ok(typed >= 290, `${typed} ms: typing was checked without its pause`);
  } finally {
    await page.close();
  }
});

test('the previous results stay, marked stale, until the new ones come', { timeout: 60_000 }, async () => {
  const { page } = h;
  await setText(page, RENHE);
  await checked(page);
  const before = await page.locator('[data-testid=finding]').count();
  const seen = await transition(page, MB);
  const chars = [...MB].length.toLocaleString('en-US');
  // At once: the old findings still listed, marked stale, and the status says what is checked.
  assert.deepEqual(seen[1], { stale: true, busy: 'true', stats: `核查中…（${chars} 字）`, findings: before }, JSON.stringify(seen));
  const last = seen.at(-1);
  assert.equal(last.stale, false);
  assert.match(last.stats, DONE);
  assert.ok(last.findings > before);
  // In English too.
  await page.click('[data-testid=lang]');
  try {
    await setText(page, RENHE);
    await checked(page);
    const en = await transition(page, MB);
    assert.equal(en[1].stats, `Checking… (${chars} characters)`, JSON.stringify(en));
    assert.match(en.at(-1).stats, /^Checked \d+ relations/);
  } finally {
    await page.click('[data-testid=lang]');
  }
});

test('while 1 MB is checked the main thread stays free', { timeout: 120_000 }, async () => {
  const { page } = h;
  const runs = [];
  for (let i = 0; i < 3; i++) {
    await setText(page, '', 'deleteContentBackward');
    await page.waitForFunction(() => /尚未输入/.test(document.querySelector('[data-testid=stats]')?.textContent ?? ''));
    await page.waitForTimeout(300); // the cleared page painted
    runs.push(await measurePaste(page, MB));
  }
  const r = runs.sort((a, b) => a.firstFinding - b.firstFinding)[1];
  console.log(
    `1 MB paste (${MB.length} chars, median of 3): result in ${r.result.toFixed(0)} ms, first finding painted in ` +
      `${r.firstFinding.toFixed(0)} ms; longest main-thread task while the worker checks ` +
      `${r.longestWhileChecking.toFixed(0)} ms (the longest stall of timers, the browser's layout of the text box ` +
      `included: ${r.stallWhileChecking.toFixed(0)} ms), until painted (rendering the results) ${r.longestUntilPainted.toFixed(0)} ms`,
  );
  for (const run of runs) assert.ok(run.longestWhileChecking <= 50, JSON.stringify(runs));
});

test('a newer text supersedes the check in flight; a long check does not block a click', { timeout: 120_000 }, async () => {
  // A hostile text that takes the core 30 s: the worker is served with a check that spins for
  // 30 s on a text starting with 慢 (the core itself is linear: a text slow enough to check is
  // also one the browser takes seconds to lay out in the text box), and traps on one starting
  // with 坏, as a bug in the core would.
  const source = fs.readFileSync(path.join(DIST, 'worker.js'), 'utf8');
  const slowSource = source.replace(
    'return glue.goujiCheck;',
    `return (t) => {
      if (t.startsWith('慢')) for (const end = Date.now() + 30_000; Date.now() < end; );
      if (t.startsWith('坏')) throw new WebAssembly.RuntimeError('unreachable');
      return glue.goujiCheck(t);
    };`,
  );
  assert.notEqual(slowSource, source, 'worker.js changed: update this test');
  const page = await h.context.newPage();
  const workers = [];
  page.on('worker', (w) => workers.push(w));
  await page.route('**/worker.js', (route) => route.fulfill({ body: slowSource, contentType: 'text/javascript' }));
  try {
    await open(page, `${h.origin}/`);
    const DONGNING = sample('dongning-2020-final-accounts.txt');
    const stats = () => page.textContent('[data-testid=stats]');
    await setText(page, DONGNING);
    await checked(page);
    const dongning = await stats();
    await setText(page, RENHE);
    await checked(page);
    // Every result shown from here on.
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid=stats]');
      window.results = [];
      new MutationObserver(() => {
        if (/核查 \d+ 处数字关系/.test(el.textContent) && window.results.at(-1) !== el.textContent) window.results.push(el.textContent);
      }).observe(el, { childList: true, subtree: true, characterData: true });
    });
    const started = workers.length;
    await setText(page, '慢' + RENHE);
    await page.waitForTimeout(300);
    assert.match(await stats(), /核查中/);
    // The stale results can be filtered while the long check runs: a click is answered at once.
    const errors = () => page.locator('[data-testid=finding][data-severity=error]').count();
    assert.ok((await errors()) > 0);
    const c0 = Date.now();
    await page.click('[data-testid=filter-error]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=finding][data-severity=error]'), null, { timeout: 5_000 });
    const clicked = Date.now() - c0;
    await page.click('[data-testid=filter-error]');
    assert.match(await stats(), /核查中/);
    const s0 = Date.now();
    await setText(page, DONGNING);
    await checked(page, 10_000);
    const superseded = Date.now() - s0;
    console.log(
      `while a 30 s check ran: a click on a filter answered in ${clicked} ms; the next text's result came ` +
        `${superseded} ms after it was pasted (its worker stopped and a fresh one started)`,
    );
    assert.ok(clicked < 1_000, `${clicked} ms`);
    assert.ok(superseded < 3_000, `${superseded} ms`);
    // The hostile text's result never showed: the only result since is the newer text's.
    assert.deepEqual(await page.evaluate(() => window.results), [dongning]);
    assert.equal(workers.length, started + 1, 'the stuck worker was not replaced');
    assert.equal(await page.getAttribute('[data-testid=layout]', 'data-checker'), 'worker');

    // A check that traps: the status says so, the page goes on, the next text is checked.
    await setText(page, '坏' + RENHE);
    await page.waitForFunction(() => /未能核查/.test(document.querySelector('[data-testid=stats]').textContent), null, { timeout: 10_000 });
    assert.match(await stats(), /核查程序出错（unreachable）/);
    await setText(page, RENHE);
    await checked(page, 10_000);
    assert.equal(workers.length, started + 2, 'the worker that trapped was not replaced');
  } finally {
    await page.close();
  }
});

test('without workers the page checks on the main thread', { timeout: 60_000 }, async () => {
  const page = await h.context.newPage();
  try {
    // An old browser, or a Content-Security-Policy that forbids workers.
    await page.addInitScript(() => {
      globalThis.Worker = function Worker() {
        throw new DOMException('workers are not allowed here', 'SecurityError');
      };
    });
    await open(page, `${h.origin}/`);
    await setText(page, RENHE);
    await page.locator('[data-testid=finding]').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.getAttribute('[data-testid=layout]', 'data-checker'), 'main-thread');
    assert.match(await page.textContent('[data-testid=stats]'), DONE);
  } finally {
    await page.close();
  }
  // A worker script that fails to load: the same.
  const page2 = await h.context.newPage();
  try {
    await page2.route('**/worker.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await open(page2, `${h.origin}/`);
    await setText(page2, RENHE);
    await page2.locator('[data-testid=finding]').first().waitFor({ timeout: 30_000 });
    assert.equal(await page2.getAttribute('[data-testid=layout]', 'data-checker'), 'main-thread');
  } finally {
    await page2.close();
  }
});

test('the single file checks in a worker from file:// too', { timeout: 120_000 }, async () => {
  const { page, requests } = h;
  const url = pathToFileURL(SINGLE).href;
  const from = requests.length;
  await open(page, url);
  assert.equal(await page.getAttribute('[data-testid=layout]', 'data-checker'), 'worker');
  const times = [];
  for (let i = 0; i < 5; i++) {
    await setText(page, '', 'deleteContentBackward');
    await page.waitForFunction(() => /尚未输入/.test(document.querySelector('[data-testid=stats]')?.textContent ?? ''));
    times.push((await measurePaste(page, REPORT_20K)).firstFinding);
  }
  console.log(`file://: paste → first finding, ${REPORT_20K.length} chars: median ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`);
  assert.ok(median(times) <= 300, `median ${median(times)} ms`);
  // Superseding works there too.
  await setText(page, textOf(3 << 20));
  await page.waitForTimeout(300);
  await setText(page, RENHE);
  await checked(page, 10_000);
  assert.equal((await page.inputValue('[data-testid=input]')).length, RENHE.length);
  // The worker comes from a Blob URL: nothing else is requested.
  const other = requests.slice(from).filter((u) => u !== url && !u.startsWith('blob:null/'));
  assert.deepEqual(other, []);
  await setText(page, '', 'deleteContentBackward');
});

test('the single file without workers checks on the main thread', { timeout: 60_000 }, async () => {
  // The checker module is inlined there and instantiated by the page itself, on first use.
  const page = await h.context.newPage();
  try {
    await page.addInitScript(() => {
      globalThis.Worker = function Worker() {
        throw new DOMException('workers are not allowed here', 'SecurityError');
      };
    });
    await open(page, pathToFileURL(SINGLE).href);
    await setText(page, RENHE);
    await page.locator('[data-testid=finding]').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.getAttribute('[data-testid=layout]', 'data-checker'), 'main-thread');
    const first = await page.textContent('[data-testid=stats]');
    assert.match(first, DONE);
    // A second text: the instance loaded for the first checks it.
    await setText(page, REPORT_20K);
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid=stats]')?.textContent !== before,
      first,
      { timeout: 30_000 },
    );
    await checked(page);
    assert.equal(await page.getAttribute('[data-testid=layout]', 'data-checker'), 'main-thread');
  } finally {
    await page.close();
  }
});

test('no request leaves the page, nothing errs', () => {
  const foreign = h.requests.filter((u) => !u.startsWith(h.origin) && !u.startsWith('blob:') && !u.startsWith('file:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(h.problems, []);
});
