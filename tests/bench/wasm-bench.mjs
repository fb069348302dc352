// The wasm/native benchmark: the core's `check` compiled to wasm and timed in headless
// Chromium, next to the same `check` timed natively on byte-identical texts.
//
//   node tests/bench/wasm-bench.mjs [--quick] [NAME…]
//
// NAME: a sample (dongning, lechang, qujiang, renhe, xinglongtai) or synthetic-BYTES;
// default: every sample and synthetic-1000000. --quick: few runs (the CI smoke).
// Environment: WASM_OPT_LEVEL=3 builds the wasm at opt-level 3 instead of the shipped "z"
// (in its own target directory); CHROMIUM overrides /usr/bin/chromium.
//
// Builds what it needs: bench-wasm (wasm32, release profile as shipped, wasm-bindgen, then
// wasm-opt -Oz from tests/e2e/node_modules like scripts/build-web) and the native `scaling`
// example (release-native, what the CLI ships). Uses playwright-core from tests/e2e (run
// scripts/setup first); never downloads a browser.

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(ROOT, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OPT = process.env.WASM_OPT_LEVEL || 'z';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
// The built-in samples (core/src/samples.rs lists them; a test keeps the folder equal to it):
// each file's first word.
const SAMPLES = fs
  .readdirSync(path.join(ROOT, 'tests/fixtures/samples'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => f.split('-')[0]);
let names = args.filter((a) => !a.startsWith('--'));
if (names.length === 0) names = [...SAMPLES, 'synthetic-1000000'];
const runsFor = (bytes) => (quick ? 3 : bytes > 200_000 ? 15 : 60);

function sh(cmd, argv, env = {}) {
  return execFileSync(cmd, argv, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
}

// 1. The wasm module.
const targetDir = OPT === 'z' ? 'target' : `target/bench-wasm-o${OPT}`;
const out = path.join(ROOT, 'target', `bench-wasm-web-o${OPT}`);
console.error(`==> cargo build -p gouji-bench-wasm (wasm32, release, opt-level ${OPT})`);
sh('cargo', ['build', '-q', '-p', 'gouji-bench-wasm', '--target', 'wasm32-unknown-unknown', '--release'], {
  CARGO_TARGET_DIR: targetDir,
  ...(OPT === 'z' ? {} : { CARGO_PROFILE_RELEASE_OPT_LEVEL: OPT }),
});
fs.rmSync(out, { recursive: true, force: true });
sh('wasm-bindgen', [
  '--target', 'web', '--no-typescript', '--out-dir', out,
  path.join(targetDir, 'wasm32-unknown-unknown/release/gouji_bench_wasm.wasm'),
]);
const wasmOpt = path.join(ROOT, 'tests/e2e/node_modules/.bin/wasm-opt');
const wasm = path.join(out, 'gouji_bench_wasm_bg.wasm');
if (fs.existsSync(wasmOpt)) {
  const level = OPT === 'z' ? '-Oz' : '-O3';
  console.error(`==> wasm-opt ${level}`);
  sh(wasmOpt, [
    level, '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
    wasm, '-o', wasm,
  ]);
} else {
  console.error('==> wasm-opt skipped (run scripts/setup)');
}
fs.writeFileSync(path.join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>\n');

// 2. Native times.
console.error('==> cargo build --profile release-native --example scaling');
sh('cargo', ['build', '-q', '--profile', 'release-native', '-p', 'gouji-core', '--example', 'scaling']);
const native = {};
for (const name of names) {
  const runs = String(runsFor(name.startsWith('synthetic-') ? Number(name.slice(10)) : 40_000));
  const [, bytes, ms] = sh(path.join(ROOT, 'target/release-native/examples/scaling'), ['--time', name, runs])
    .trim()
    .split(' ');
  native[name] = { bytes: Number(bytes), ms: Number(ms) };
}

// 3. Wasm times in headless Chromium.
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const file = path.join(out, path.normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  if (!file.startsWith(out) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gouji-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = false;
try {
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(`${origin}/index.html`);
  await page.evaluate(async () => {
    const m = await import('./gouji_bench_wasm.js');
    await m.default();
    window.bench = m;
  });
  // Warm-up: V8 first runs wasm in its baseline compiler and tiers up to TurboFan in the
  // background; check every text a few times before timing anything.
  await page.evaluate(({ names, reps }) => {
    for (const n of names) {
      window.bench.prepare(n);
      for (let i = 0; i < reps; i++) window.bench.run_check();
    }
  }, { names, reps: quick ? 1 : 5 });
  const rows = [];
  for (const name of names) {
    const runs = runsFor(native[name].bytes);
    // performance.now() is coarsened to 0.1 ms in a page: time batches of calls that last a
    // few tens of milliseconds each, and take the median batch.
    const batch = quick ? 1 : Math.max(1, Math.round(20_000_000 / native[name].bytes / 10));
    const r = await page.evaluate(({ name, runs, batch }) => {
      const bytes = window.bench.prepare(name);
      const claims = window.bench.run_check();
      const ms = [];
      for (let i = 0; i < Math.max(3, Math.ceil(runs / batch)); i++) {
        const t = performance.now();
        for (let k = 0; k < batch; k++) window.bench.run_check();
        ms.push((performance.now() - t) / batch);
      }
      ms.sort((a, b) => a - b);
      return { bytes, claims, ms: ms[Math.floor(ms.length / 2)] };
    }, { name, runs, batch });
    if (r.bytes !== native[name].bytes) throw new Error(`${name}: wasm text ${r.bytes} bytes, native ${native[name].bytes}`);
    if (!(r.claims > 0)) throw new Error(`${name}: the wasm check found no claims`);
    rows.push({ name, ...r, native: native[name].ms });
  }
  const wasmBytes = fs.statSync(wasm).size;
  console.log(`wasm at opt-level ${OPT} (${(wasmBytes / 1024).toFixed(0)} KB), Chromium ${context.browser()?.version() ?? ''}; native release-native; median of runs`);
  console.log('text                  bytes   native ms  native MB/s     wasm ms   wasm MB/s  wasm/native');
  let sumW = 0;
  let sumN = 0;
  for (const r of rows) {
    const mb = r.bytes / 1e6;
    sumW += r.ms;
    sumN += r.native;
    console.log(
      `${r.name.padEnd(18)} ${String(r.bytes).padStart(9)} ${r.native.toFixed(2).padStart(11)} ${(mb / (r.native / 1e3)).toFixed(1).padStart(12)}` +
        ` ${r.ms.toFixed(2).padStart(11)} ${(mb / (r.ms / 1e3)).toFixed(1).padStart(11)} ${(r.ms / r.native).toFixed(2).padStart(12)}`,
    );
  }
  console.log(`all texts together: wasm/native ${(sumW / sumN).toFixed(2)}`);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
