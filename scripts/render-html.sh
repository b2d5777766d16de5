#!/usr/bin/env bash
# Look at the HTML report as a reader would: headless Chromium renders it light, dark and
# printed (PDF, then PNG pages with pdftoppm). Not part of CI.
#
#   scripts/render-html.sh [REPORT.html ...]
#
# Without arguments it renders the bundled sample story and the hand-built comparison of the
# report tests (every kind of highlight). Images go to target/render/: light at 1400 and 900
# px wide, from the top and at the passages table, dark at 1400 px, and the first printed
# pages. scripts/check-html-width.sh says whether a page is wider than its window. Needs Debian's
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

# A page showing the report in a frame scrolled to its passages table, the table's box
# scrolled sideways by half a window. (Headless screenshots of `page.html#anchor` come out
# blank; the report itself runs no script, so the scrolling is done from outside.)
at_passages() {
  cat <<EOF
<!DOCTYPE html><html><body style="margin:0;overflow:hidden">
<iframe id="f" src="file://$1" style="width:$2px;height:$3px;border:0"></iframe>
<script>
document.getElementById('f').onload = function () {
  var d = this.contentDocument;
  d.getElementById('s0-passages').scrollIntoView();
  var box = d.querySelector('.passages-box');
  if (box) { box.scrollLeft = $2 / 2; box.scrollTop = 0; }
};
</script></body></html>
EOF
}

for html in "${files[@]}"; do
  name=$(basename "$html" .html)
  url="file://$html"
  # A wide and a narrow window, each from the top and at the passages table, its box
  # scrolled sideways (the reference column should stay in view).
  for w in 1400 900; do
    chrome --window-size=$w,2000 --blink-settings=preferredColorScheme=1 \
      --screenshot="$out/$name-$w-light.png" "$url"
    at_passages "$html" $w 1200 > "$out/.passages.html"
    chrome --window-size=$w,1200 --blink-settings=preferredColorScheme=1 \
      --allow-file-access-from-files --virtual-time-budget=5000 \
      --screenshot="$out/$name-$w-passages.png" "file://$out/.passages.html"
  done
  rm -f "$out/.passages.html"
  chrome --window-size=1400,2000 --force-dark-mode --blink-settings=preferredColorScheme=0 \
    --screenshot="$out/$name-1400-dark.png" "$url"
  chrome --no-pdf-header-footer --print-to-pdf="$out/$name-print.pdf" "$url"
  pdftoppm -png -r 60 -f 1 -l 3 "$out/$name-print.pdf" "$out/$name-print"
  echo "$name: $out/$name-{1400,900}-{light,passages}.png $out/$name-1400-dark.png $out/$name-print-*.png"
done
