// Writes the single-file bundle: dist/index.html with its stylesheet, icon, wasm-bindgen glue
// (--target no-modules) and wasm (base64) inlined, and a Content-Security-Policy that allows
// exactly those inline scripts and that style (by hash) and nothing from anywhere else.
//   node scripts/lib/single-html.mjs INDEX_HTML STYLE_CSS FAVICON_SVG GLUE_JS WASM OUT_HTML
import fs from 'node:fs';
import { createHash } from 'node:crypto';

const [indexHtml, styleCss, faviconSvg, glueJs, wasmFile, outHtml] = process.argv.slice(2);
if (!outHtml) {
  console.error('usage: single-html.mjs INDEX_HTML STYLE_CSS FAVICON_SVG GLUE_JS WASM OUT_HTML');
  process.exit(2);
}
const read = (f) => fs.readFileSync(f, 'utf8');
const sha256 = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const style = read(styleCss);
const glue = read(glueJs);
const wasm64 = fs.readFileSync(wasmFile).toString('base64');
// The loader: decodes the wasm kept in a data block (a script of a non-JavaScript type is
// never run, so the CSP need not allow it) and starts the app, as boot.js does when served.
const boot = `(async () => {
  const status = document.getElementById('boot-status');
  try {
    const b64 = document.getElementById('gouji-wasm').textContent.trim();
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    await wasm_bindgen({ module_or_path: bytes });
    status?.remove();
  } catch (err) {
    if (status) {
      status.textContent = '加载失败：' + err;
      status.classList.add('failed');
    }
    throw err;
  }
})();`;
// Inline text must not close its element early.
for (const [name, text, tag] of [['style', style, '</style'], ['glue', glue, '</script'], ['boot', boot, '</script']]) {
  if (text.toLowerCase().includes(tag)) throw new Error(`${name} contains ${tag}: cannot inline it`);
}

const csp = [
  "default-src 'none'",
  `script-src ${sha256(glue)} ${sha256(boot)} 'wasm-unsafe-eval'`,
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
  `  <script type="application/wasm+base64" id="gouji-wasm">${wasm64}</script>\n    <script>${glue}</script>\n    <script>${boot}</script>\n  </body>`,
  'end of body',
);
fs.writeFileSync(outHtml, html);
