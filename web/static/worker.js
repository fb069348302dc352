// The checking worker (web/src/checker.rs): the checker module (crate gouji-check-web, built
// into check/) checks texts off the main thread and posts each report back (encoded by
// gouji_core::wire, its buffer transferred, not copied). The page's loader (boot.js) starts
// it as a module worker and sends it the compiled module; the single file
// (scripts/lib/single-html.mjs) runs the same `serve` in a worker made from a Blob URL.

// Messages in: {type: 'init', ...what `load` needs}, then {type: 'check', seq, text, preview?}.
// Messages out: {type: 'ready'} or {type: 'failed', error} once, then for each check, when it
// asks for a preview (the length of the text's beginning), {type: 'preview', seq, bytes} on
// that beginning, and {type: 'result', seq, bytes} or {type: 'error', seq, error} (the check
// trapped).
function serve(load) {
  let setLoader;
  const loaded = new Promise((resolve) => (setLoader = resolve));
  const why = (err) => String(err?.message ?? err);
  self.onmessage = async ({ data }) => {
    if (data.type === 'init') {
      setLoader(
        load(data).then(
          (check) => {
            postMessage({ type: 'ready' });
            return check;
          },
          (err) => {
            postMessage({ type: 'failed', error: why(err) });
            throw err;
          },
        ),
      );
      return;
    }
    let check;
    try {
      check = await loaded;
    } catch {
      return; // said so once, in 'failed'
    }
    try {
      if (data.preview) {
        // A long text's beginning first, for a first look while the whole is checked.
        const first = check(data.text.slice(0, data.preview));
        postMessage({ type: 'preview', seq: data.seq, bytes: first }, [first.buffer]);
      }
      const bytes = check(data.text);
      postMessage({ type: 'result', seq: data.seq, bytes }, [bytes.buffer]);
    } catch (err) {
      postMessage({ type: 'error', seq: data.seq, error: why(err) });
    }
  };
}

serve(async ({ js, wasm, module }) => {
  const glue = await import(js);
  await glue.default({ module_or_path: module ?? wasm });
  return glue.goujiCheck;
});
