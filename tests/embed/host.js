// The example host page's script. Two ways to use Gouji from a page:
//  1. the JS package (dist-js/): check(text) in the page itself;
//  2. the app in an iframe (?app=URL): send {type:'gouji:check', id, text} with postMessage
//     and listen for {type:'gouji:result', id, result} (docs/embed.md).
import init, { check, rules } from '/dist-js/gouji.js';

const textarea = document.getElementById('report');

function render(list, text, result) {
  list.replaceChildren(
    ...result.findings.map((f) => {
      const li = document.createElement('li');
      li.dataset.rule = f.rule;
      // span16 is in UTF-16 code units: it slices the very string that was sent.
      li.textContent = `${f.severity} ${f.rule}: ${f.message} «${text.slice(f.span16.start, f.span16.end)}»`;
      return li;
    }),
  );
}

// 2. The iframe. Set up first, so that its gouji:ready is not missed.
const app = new URLSearchParams(location.search).get('app');
if (app) {
  const frame = document.getElementById('gouji-frame');
  const appOrigin = new URL(app, location.href).origin;
  const status = document.getElementById('frame-status');
  const sent = new Map(); // request id → the text sent, to slice the spans of its answer
  let nextId = 1;
  window.frameMessages = [];
  window.addEventListener('message', (ev) => {
    // Only the frame, from the origin it was loaded from.
    if (ev.source !== frame.contentWindow || ev.origin !== appOrigin) return;
    const msg = ev.data;
    window.frameMessages.push(msg);
    if (msg.type === 'gouji:ready') {
      status.textContent = `勾稽 ${msg.version} 已就绪（协议 ${msg.protocol}）`;
      document.body.dataset.frameReady = '1';
    } else if (msg.type === 'gouji:result') {
      const text = sent.get(msg.id);
      sent.delete(msg.id);
      if (msg.result && text !== undefined) render(document.getElementById('frame-findings'), text, msg.result);
      status.textContent = msg.result
        ? `第 ${msg.id ?? '（用户编辑）'} 次核查：${msg.result.findings.length} 个问题`
        : '没有可核查的文本';
      document.body.dataset.frameResults = String(Number(document.body.dataset.frameResults ?? 0) + 1);
    } else if (msg.type === 'gouji:error') {
      status.textContent = `出错：${msg.message}`;
    }
  });
  document.getElementById('send').addEventListener('click', () => {
    const id = nextId++;
    sent.set(id, textarea.value);
    frame.contentWindow.postMessage({ type: 'gouji:check', id, text: textarea.value }, appOrigin);
  });
  frame.src = app;
  document.getElementById('frame-section').hidden = false;
}

// 1. The JS package.
await init({ module_or_path: '/dist-js/gouji_bg.wasm' });
window.gouji = { check, rules };
document.getElementById('run').addEventListener('click', () => {
  const text = textarea.value;
  const result = check(text);
  render(document.getElementById('findings'), text, result);
  window.lastResult = result;
});
document.body.dataset.ready = '1';
