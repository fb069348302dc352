# Shared by scripts/build-web and scripts/build-js (sourced, not run).

WASM_OPT=${WASM_OPT:-tests/e2e/node_modules/.bin/wasm-opt}

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
wasm_bindgen_version() {
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
  if [ "$want" != "$have" ]; then
    echo "$0: wasm-bindgen-cli ${have:-missing}, Cargo.lock wants $want; run scripts/setup" >&2
    return 1
  fi
  echo "$have"
}

# wasm-opt -Oz in place, with binaryen 132 from npm (never Debian's 108: it breaks the module).
optimize_wasm() {
  local wasm=$1
  if [ -x "$WASM_OPT" ]; then
    echo "==> $("$WASM_OPT" --version) -Oz $(basename "$wasm")"
    # The features rustc's wasm32 target emits by default (binaryen only uses what is enabled).
    "$WASM_OPT" -Oz \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$wasm" -o "$wasm.opt"
    mv "$wasm.opt" "$wasm"
  else
    echo "==> wasm-opt skipped ($WASM_OPT missing; run scripts/setup). Never use Debian's binaryen."
  fi
}

bytes() { stat -c %s "$1"; }
gzipped() { gzip -9 -n -c "$1" | wc -c; }

# size_budget LABEL RAW_BUDGET GZIP_BUDGET FILE...: prints each file's size raw and gzip -9
# and their totals (each file compressed on its own, as a server sends them); returns 1 when
# a total is over its budget.
size_budget() {
  local label=$1 raw_budget=$2 gz_budget=$3 raw=0 gz=0 r g f
  shift 3
  for f in "$@"; do
    r=$(bytes "$f")
    g=$(gzipped "$f")
    raw=$((raw + r))
    gz=$((gz + g))
    printf '    %-28s %9d bytes  gzip -9 %8d\n' "$(basename "$f")" "$r" "$g"
  done
  printf '    %-28s %9d bytes  gzip -9 %8d   (budget %d / %d)\n' \
    "= $label" "$raw" "$gz" "$raw_budget" "$gz_budget"
  if [ "$raw" -gt "$raw_budget" ] || [ "$gz" -gt "$gz_budget" ]; then
    echo "$0: $label is over its size budget ($raw > $raw_budget or $gz > $gz_budget bytes);" \
      "see js/README.md and README.md" >&2
    return 1
  fi
}
