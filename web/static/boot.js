// Loads the wasm-bindgen module and starts the app. It is an external file rather than an
// inline script so that the Content-Security-Policy can forbid inline scripts. The names of
// the loader and of the wasm file come from this script tag's data attributes, since Trunk
// puts a content hash in them.
const tag = document.querySelector('script[data-gouji-js]');
const status = document.getElementById('boot-status');
try {
  const { default: init } = await import(tag.dataset.goujiJs);
  await init({ module_or_path: tag.dataset.goujiWasm });
  status?.remove();
} catch (err) {
  if (status) {
    status.textContent = '加载失败：' + err;
    status.classList.add('failed');
  }
  throw err;
}
