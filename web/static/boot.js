// Loads the wasm-bindgen module and starts the app. It is an external file rather than an
// inline script so that the Content-Security-Policy can forbid inline scripts. The names of
// the loader and of the wasm file come from this script tag's data attributes, since Trunk
// puts a content hash in them.
const tag = document.querySelector('script[data-gouji-js]');
const status = document.getElementById('boot-status');

// The PDF reader (crate gouji-pdf-web, built into pdf/ by scripts/build-web) is fetched and
// compiled only when a PDF is opened. A reader that trapped on a hostile file is dropped and
// a fresh copy imported next time.
let pdfReader = null;
let pdfCopies = 0;
globalThis.goujiPdfText = async (bytes) => {
  if (!pdfReader) {
    const base = new URL('pdf/', import.meta.url);
    const copy = pdfCopies++ ? `?copy=${pdfCopies}` : '';
    pdfReader = (async () => {
      const m = await import(new URL(`gouji_pdf.js${copy}`, base));
      await m.default({ module_or_path: new URL('gouji_pdf_bg.wasm', base) });
      return m;
    })();
  }
  let reader;
  try {
    reader = await pdfReader;
  } catch (err) {
    pdfReader = null;
    throw new Error('PDF 读取模块无法加载 / the PDF reader could not be loaded: ' + err.message);
  }
  try {
    return reader.pdfText(bytes);
  } catch (err) {
    // A string is the reader's own reason; anything else is a trap: start afresh next time.
    if (typeof err !== 'string') pdfReader = null;
    throw err;
  }
};

// The checking worker (web/src/checker.rs, web/static/worker.js) instantiates the app's own
// wasm module again: it is compiled once, here, and the compiled module is posted to each
// worker. (Without the streaming compile, e.g. a server that sends the wrong type, each
// instance fetches and compiles the file itself.)
const jsUrl = new URL(tag.dataset.goujiJs, document.baseURI).href;
const wasmUrl = new URL(tag.dataset.goujiWasm, document.baseURI).href;
let compiled = null;
const compile = () => (compiled ??= WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => null));
globalThis.goujiCheckWorker = () => {
  const worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
  compile().then((module) => worker.postMessage({ type: 'init', js: jsUrl, wasm: wasmUrl, module }));
  return worker;
};

try {
  const { default: init } = await import(jsUrl);
  await init({ module_or_path: (await compile()) ?? wasmUrl });
  status?.remove();
} catch (err) {
  if (status) {
    status.textContent = '加载失败：' + err;
    status.classList.add('failed');
  }
  throw err;
}
