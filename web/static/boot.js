// Loads the wasm-bindgen module and starts the app. It is an external file rather than an
// inline script so that the Content-Security-Policy can forbid inline scripts. The names of
// the loader and of the wasm file come from this script tag's data attributes, since Trunk
// puts a content hash in them.
const tag = document.querySelector('script[data-gouji-js]');
const status = document.getElementById('boot-status');

// The readers of PDF files (crate gouji-pdf-web) and of .docx files (gouji-docx-web), built
// into pdf/ and docx/ by scripts/build-web, are fetched and compiled only when such a file is
// opened. A reader that trapped on a hostile file is dropped and a fresh copy imported next time.
const reader = (dir, name, exported) => {
  let loaded = null;
  let copies = 0;
  return async (bytes) => {
    if (!loaded) {
      const base = new URL(`${dir}/`, import.meta.url);
      const copy = copies++ ? `?copy=${copies}` : '';
      loaded = (async () => {
        const m = await import(new URL(`${name}.js${copy}`, base));
        await m.default({ module_or_path: new URL(`${name}_bg.wasm`, base) });
        return m;
      })();
    }
    let m;
    try {
      m = await loaded;
    } catch (err) {
      loaded = null;
      throw new Error('文件读取模块无法加载 / the file reader could not be loaded: ' + err.message);
    }
    try {
      return m[exported](bytes);
    } catch (err) {
      // A string is the reader's own reason; anything else is a trap: start afresh next time.
      if (typeof err !== 'string') loaded = null;
      throw err;
    }
  };
};
globalThis.goujiPdfText = reader('pdf', 'gouji_pdf', 'pdfText');
globalThis.goujiDocxText = reader('docx', 'gouji_docx', 'docxText');

// The checker (crate gouji-check-web), built into check/ by scripts/build-web: the page's own
// module carries no rule. The checking worker (web/src/checker.rs, web/static/worker.js) runs
// it: it is fetched and compiled once, here, when the first worker starts (as the page
// starts), and the compiled module is posted to each worker. (Without the streaming compile,
// e.g. a server that sends the wrong type, each instance fetches and compiles the file itself.)
const checkJs = new URL('check/gouji_check.js', import.meta.url).href;
const checkWasm = new URL('check/gouji_check_bg.wasm', import.meta.url).href;
let compiled = null;
const compile = () => (compiled ??= WebAssembly.compileStreaming(fetch(checkWasm)).catch(() => null));
globalThis.goujiCheckWorker = () => {
  const worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
  compile().then((module) => worker.postMessage({ type: 'init', js: checkJs, wasm: checkWasm, module }));
  return worker;
};
// Where no worker can be started, the page runs the checker on its main thread, imported on
// first use; an instance that trapped is dropped and a fresh copy imported next time.
let here = null;
let copies = 0;
globalThis.goujiCheckHere = async (text) => {
  if (!here) {
    const copy = copies++ ? `?copy=${copies}` : '';
    here = (async () => {
      const m = await import(checkJs + copy);
      await m.default({ module_or_path: (await compile()) ?? checkWasm });
      return m;
    })();
  }
  let m;
  try {
    m = await here;
  } catch (err) {
    here = null;
    throw new Error('核查模块无法加载 / the checker could not be loaded: ' + err.message);
  }
  try {
    return m.goujiCheck(text);
  } catch (err) {
    here = null;
    throw err;
  }
};

const jsUrl = new URL(tag.dataset.goujiJs, document.baseURI).href;
const wasmUrl = new URL(tag.dataset.goujiWasm, document.baseURI).href;
try {
  const { default: init } = await import(jsUrl);
  await init({ module_or_path: wasmUrl });
  status?.remove();
} catch (err) {
  if (status) {
    status.textContent = '加载失败：' + err;
    status.classList.add('failed');
  }
  throw err;
}
