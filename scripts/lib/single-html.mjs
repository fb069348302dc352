// Writes the single-file bundle: dist/index.html with its stylesheet, icon, wasm-bindgen glue
// (--target no-modules) and wasm (gzip, then base64) inlined, and a Content-Security-Policy that allows
// exactly those inline scripts and that style (by hash) and nothing from anywhere else.
//   node scripts/lib/single-html.mjs INDEX_HTML STYLE_CSS FAVICON_SVG GLUE_JS WASM CHECK_GLUE_JS CHECK_WASM PDF_GLUE_JS PDF_WASM OUT_HTML
// The checker's glue (crate gouji-check-web, --no-modules-global gouji_check) and wasm are
// inlined too: the checking worker (web/static/worker.js's `serve`, with the checker's glue)
// runs from a Blob URL, instantiating the checker module compiled here when the first worker
// starts; without workers the page runs it itself. The PDF reader's glue (--no-modules-global
// gouji_pdf) and wasm are inlined as well; its wasm is decoded and compiled only when a PDF is
// opened.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const [indexHtml, styleCss, faviconSvg, glueJs, wasmFile, checkGlueJs, checkWasmFile, pdfGlueJs, pdfWasmFile, outHtml] =
  process.argv.slice(2);
if (!outHtml) {
  console.error('usage: single-html.mjs INDEX_HTML STYLE_CSS FAVICON_SVG GLUE_JS WASM CHECK_GLUE_JS CHECK_WASM PDF_GLUE_JS PDF_WASM OUT_HTML');
  process.exit(2);
}
const read = (f) => fs.readFileSync(f, 'utf8');
const sha256 = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const style = read(styleCss);
const glue = read(glueJs);
// The wasm is gzipped before base64: base64 hides the bytes' patterns from the compressor,
// so a gzipped download of the file was a third larger, and the file on disk (which no
// server compresses) 2.3 times larger. The page inflates it with DecompressionStream.
const packed = (file) => gzipSync(fs.readFileSync(file), { level: constants.Z_BEST_COMPRESSION }).toString('base64');
const wasm64 = packed(wasmFile);
const checkGlue = read(checkGlueJs);
const checkWasm64 = packed(checkWasmFile);
const pdfGlue = read(pdfGlueJs);
const pdfWasm64 = packed(pdfWasmFile);
// The worker's message loop, shared with the served app's worker.
const workerJs = read(fileURLToPath(new URL('../../web/static/worker.js', import.meta.url)));
const serve = workerJs.match(/^function serve\(load\) \{\n[\s\S]*?\n\}\n/m)?.[0];
if (!serve) throw new Error('web/static/worker.js: no `function serve(load) {…}` to inline');
const workerMain = `serve(async ({ module }) => {
  await gouji_check({ module_or_path: module });
  return gouji_check.goujiCheck;
});`;
// The loader: decodes and inflates the wasm kept in a data block (a script of a
// non-JavaScript type is never run, so the CSP need not allow it) and starts the app, as
// boot.js does when served.
const boot = `(async () => {
  const status = document.getElementById('boot-status');
  const decode = async (id) => {
    if (typeof DecompressionStream !== 'function') {
      throw new Error('此浏览器版本过旧，无法运行离线单文件版，请使用新版浏览器 / this browser is too old for the single-file version (no DecompressionStream)');
    }
    const gz = Uint8Array.from(atob(document.getElementById(id).textContent.trim()), (c) => c.charCodeAt(0));
    const inflated = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(inflated).arrayBuffer());
  };
  let pdfReady = null;
  globalThis.goujiPdfText = async (bytes) => {
    pdfReady ??= decode('gouji-pdf-wasm').then((wasm) => gouji_pdf({ module_or_path: wasm }));
    await pdfReady;
    try {
      return gouji_pdf.pdfText(bytes);
    } catch (err) {
      if (typeof err === 'string') throw err;
      throw new Error('PDF 读取模块出错，请重新打开本页后再试 / the PDF reader failed: reopen this page');
    }
  };
  // The checker: compiled once, when the first checking worker starts (as the page starts);
  // each worker instantiates it, and so does the page when no worker can be started.
  let checker = null;
  const compileChecker = () => (checker ??= decode('gouji-check-wasm').then((wasm) => WebAssembly.compile(wasm)));
  let workerUrl = null;
  globalThis.goujiCheckWorker = () => {
    workerUrl ??= URL.createObjectURL(new Blob(
      [document.getElementById('gouji-check-glue').textContent, '\\n', document.getElementById('gouji-worker').textContent],
      { type: 'text/javascript' },
    ));
    const worker = new Worker(workerUrl);
    // Without a module the worker says it failed, and the page checks on its main thread.
    compileChecker().then(
      (module) => worker.postMessage({ type: 'init', module }),
      () => worker.postMessage({ type: 'init' }),
    );
    return worker;
  };
  // The inlined glue cannot be loaded afresh: a checker that trapped on the main thread stays
  // out of use until the page is opened again.
  let here = null;
  let broken = false;
  globalThis.goujiCheckHere = async (text) => {
    if (broken) throw new Error('核查模块出错，请重新打开本页后再试 / the checker failed: reopen this page');
    here ??= compileChecker().then((module) => gouji_check({ module_or_path: module }));
    try {
      await here;
    } catch (err) {
      here = null;
      throw new Error('核查模块无法加载 / the checker could not be loaded: ' + err.message);
    }
    try {
      return gouji_check.goujiCheck(text);
    } catch (err) {
      broken = true;
      throw err;
    }
  };
  try {
    await wasm_bindgen({ module_or_path: await decode('gouji-wasm') });
    status?.remove();
  } catch (err) {
    if (status) {
      status.textContent = '加载失败：' + err;
      status.classList.add('failed');
    }
    throw err;
  }
})();`;
// The built-in samples, as data blocks the app reads when a sample is asked for (the
// served app fetches them from samples/ instead). The id is the file name's first word.
const samplesDir = fileURLToPath(new URL('../../tests/fixtures/samples/', import.meta.url));
const samples = fs
  .readdirSync(samplesDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => [f.split('-')[0], read(samplesDir + f)]);
for (const [id, text] of samples) {
  if (/<\/script|<!--/i.test(text)) throw new Error(`sample ${id}: cannot inline it in a script element`);
}
const sampleBlocks = samples
  .map(([id, text]) => `    <script type="text/plain" id="gouji-sample-${id}">${text}</script>\n`)
  .join('');
// Inline text must not close its element early.
const worker = `${serve}\n${workerMain}\n`;
for (const [name, text, tag] of [['style', style, '</style'], ['glue', glue, '</script'], ['checker glue', checkGlue, '</script'], ['pdf glue', pdfGlue, '</script'], ['boot', boot, '</script'], ['worker', worker, '</script']]) {
  if (text.toLowerCase().includes(tag)) throw new Error(`${name} contains ${tag}: cannot inline it`);
}

const csp = [
  "default-src 'none'",
  `script-src ${sha256(glue)} ${sha256(checkGlue)} ${sha256(pdfGlue)} ${sha256(boot)} 'wasm-unsafe-eval'`,
  // The checking worker, made from the checker's inline glue and the worker code (a data
  // block, never run in the page); it inherits this policy.
  'worker-src blob:',
  `style-src ${sha256(style)}`,
  'img-src data:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const icon = `data:image/svg+xml;base64,${Buffer.from(read(faviconSvg)).toString('base64')}`;

let html = read(indexHtml);
const replaceOnce = (pattern, replacement, what) => {
  if (!pattern.test(html)) throw new Error(`${indexHtml}: no ${what} to replace`);
  html = html.replace(pattern, () => replacement);
};
replaceOnce(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, `<meta http-equiv="Content-Security-Policy" content="${csp}" />`, 'CSP');
replaceOnce(/<!-- Nothing leaves the page:[^\n]*-->/, '<!-- The single-file bundle (scripts/build-single): everything is inline; nothing may load. -->', 'CSP comment');
replaceOnce(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}" type="image/svg+xml" />`, 'icon link');
replaceOnce(/<link rel="stylesheet"[^>]*>/, `<style>${style}</style>`, 'stylesheet link');
// Classic inline scripts run as soon as they are parsed, so they go at the end of <body>
// (the app mounts into <body>); the served page's module script in <head> is deferred.
replaceOnce(/\s*<script type="module" src="boot.js"[^>]*><\/script>/, '', 'boot script');
replaceOnce(
  /<\/body>/,
  `  <script type="application/gzip+base64" id="gouji-wasm">${wasm64}</script>\n    <script type="application/gzip+base64" id="gouji-check-wasm">${checkWasm64}</script>\n    <script type="application/gzip+base64" id="gouji-pdf-wasm">${pdfWasm64}</script>\n    <script id="gouji-glue">${glue}</script>\n    <script id="gouji-check-glue">${checkGlue}</script>\n    <script type="text/plain" id="gouji-worker">${worker}</script>\n${sampleBlocks}    <script>${pdfGlue}</script>\n    <script>${boot}</script>\n  </body>`,
  'end of body',
);
fs.writeFileSync(outHtml, html);
