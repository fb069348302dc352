// The example host page's script: loads the package from dist-js/ and lists the findings.
import init, { check, rules } from '/dist-js/gouji.js';

await init({ module_or_path: '/dist-js/gouji_bg.wasm' });
window.gouji = { check, rules };
document.getElementById('run').addEventListener('click', () => {
  const text = document.getElementById('report').value;
  const result = check(text);
  const list = document.getElementById('findings');
  list.replaceChildren(
    ...result.findings.map((f) => {
      const li = document.createElement('li');
      li.dataset.rule = f.rule;
      li.textContent = `${f.severity} ${f.rule}: ${f.message} «${text.slice(f.span16.start, f.span16.end)}»`;
      return li;
    }),
  );
  window.lastResult = result;
});
document.body.dataset.ready = '1';
