#!/usr/bin/env bash
# Look at the HTML report as a reader would: headless Chromium renders it light, dark and
# printed (PDF, then PNG pages with pdftoppm). Not part of CI.
#
#   scripts/render-html.sh [REPORT.html ...]
#
# Without arguments it renders the bundled sample story and the hand-built comparison of the
# report tests (every kind of highlight). Images go to target/render/. Needs Debian's
# `chromium` and `poppler-utils` packages (apt-get install -y chromium poppler-utils).
set -euo pipefail
files=()
for f in "$@"; do files+=("$(realpath "$f")"); done
cd "$(dirname "$0")/.."
out=$(realpath -m target/render)
mkdir -p "$out"

if [ ${#files[@]} -eq 0 ]; then
  cargo run --quiet -- export --format html -o "$out/sample.html"
  cargo test --quiet --test it report::html_of_a_full_comparison >/dev/null
  cp target/tmp/report-fixture.html "$out/fixture.html"
  files=("$out/sample.html" "$out/fixture.html")
fi

chrome() {
  local profile
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars "$@" 2>/dev/null
  rm -rf "$profile"
}

for html in "${files[@]}"; do
  name=$(basename "$html" .html)
  url="file://$html"
  chrome --window-size=1400,2000 --blink-settings=preferredColorScheme=1 \
    --screenshot="$out/$name-light.png" "$url"
  chrome --window-size=1400,2000 --force-dark-mode --blink-settings=preferredColorScheme=0 \
    --screenshot="$out/$name-dark.png" "$url"
  chrome --no-pdf-header-footer --print-to-pdf="$out/$name-print.pdf" "$url"
  pdftoppm -png -r 60 -f 1 -l 3 "$out/$name-print.pdf" "$out/$name-print"
  echo "$name: $out/$name-light.png $out/$name-dark.png $out/$name-print-*.png"
done
