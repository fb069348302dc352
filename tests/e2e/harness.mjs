// Shared set-up of the browser tests: serve dist/ on a free 127.0.0.1 port and start the
// system Chromium (never a downloaded browser) with a fresh profile.

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const SHOTS = path.join(ROOT, 'target', 'e2e');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

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
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
}

/** Starts the server and the browser; returns what the tests need and a `close`. */
export async function start() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ missing: run scripts/build-web');
  fs.mkdirSync(SHOTS, { recursive: true });
  const server = http.createServer(serveDist);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gouji-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
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
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  const close = async () => {
    await context.close();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(profileDir, { recursive: true, force: true });
  };
  return { origin, context, page, requests, problems, close };
}

export const sample = (name) => fs.readFileSync(path.join(ROOT, 'tests/fixtures/samples', name), 'utf8');

/** The example host page's server (tests/embed, and the JS package under /dist-js/), on a
 *  port of its own: a different origin from the app's. Returns `{ origin, close }`. */
export async function serveHost() {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel === '/favicon.ico') return res.writeHead(204).end(); // the browser asks for it
    const file = rel.startsWith('/dist-js/') ? path.join(ROOT, rel) : path.join(ROOT, 'tests/embed', rel);
    if (!file.startsWith(ROOT + path.sep) || !fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

/** Replaces the text as the browser does on a paste (the value, then an `input` event with
 *  inputType insertFromPaste), or as typing does with another inputType; returns once the
 *  app has taken it in (its effects run after the event). */
export const setText = (page, text, inputType = 'insertFromPaste') =>
  page.evaluate(
    ([t, kind]) => {
      const el = document.querySelector('[data-testid=input]');
      el.value = t;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: kind }));
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
    [text, inputType],
  );

/** Runs `act` while Chromium traces the page's renderer, and returns the main thread's tasks
 *  over 50 ms as `{ ms, keystroke }`: `keystroke` marks the tasks in which the renderer handles
 *  an input event from the browser or inserts a typed character into the text box. The PerformanceObserver 'longtask' API is not used here: it
 *  reports those input tasks only now and then, so a slow keystroke could pass unseen one run
 *  and fail the next. */
export async function mainThreadTasks(page, act) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'toplevel,blink', transferMode: 'ReportEvents' });
  try {
    await act();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  // The page's renderer main thread: the one that inserted the typed text.
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}/${e.tid}`),
  );
  const typing = events.find((e) => e.name === 'TypingCommand::InsertText' && mains.has(`${e.pid}/${e.tid}`));
  const main = typing ? `${typing.pid}/${typing.tid}` : [...mains][0];
  const onMain = (e) => `${e.pid}/${e.tid}` === main;
  // Where a typed character went into the text box: a task holding one handles a keystroke,
  // whether it came from the input event queue or, on a loaded machine, with a frame.
  const typed = events.filter((e) => e.name.startsWith('TypingCommand::') && onMain(e)).map((e) => e.ts);
  return events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && onMain(e) && e.dur > 50_000)
    .map((e) => ({
      ms: Math.round(e.dur / 1000),
      keystroke: e.args?.src_func === 'PostTaskToMainThread' || typed.some((t) => t >= e.ts && t <= e.ts + e.dur),
    }));
}
