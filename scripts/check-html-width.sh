#!/usr/bin/env bash
# Does an HTML report fit the window? Headless Chromium opens each report in a frame of each
# width and prints the page's scroll width against the frame's width: a page wider than its
# window scrolls sideways as a whole (the report's tables and heat map should scroll inside
# their own boxes instead). Exits 1 when a page overflows. Not part of CI.
#
#   scripts/check-html-width.sh REPORT.html [...]      # widths 1400 and 900
#   WIDTHS="1200 700" scripts/check-html-width.sh REPORT.html
#
# Needs Debian's `chromium` package. The report forbids scripts (Content-Security-Policy); the
# measuring script runs in a wrapper page around it, with file access between local pages on.
set -euo pipefail
widths=${WIDTHS:-1400 900}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for f in "$@"; do
  html=$(realpath "$f")
  for w in $widths; do
    cat > "$work/measure.html" <<EOF
<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="file://$html" style="width:${w}px;height:900px;border:0"></iframe>
<pre id="out">not loaded</pre>
<script>
document.getElementById('f').onload = function () {
  var d = this.contentDocument.documentElement;
  document.getElementById('out').textContent = d.scrollWidth + ' ' + d.clientWidth;
};
</script></body></html>
EOF
    read -r scroll client < <(timeout 120 chromium --headless --no-sandbox --disable-gpu \
      --allow-file-access-from-files --user-data-dir="$work/profile" --virtual-time-budget=5000 \
      --dump-dom "file://$work/measure.html" 2>/dev/null |
      sed -n 's/.*<pre id="out">\([0-9]*\) \([0-9]*\)<.*/\1 \2/p')
    if [ -z "${scroll:-}" ]; then
      echo "$f at $w px: could not measure"; status=1; continue
    fi
    if [ "$scroll" -gt "$client" ]; then
      echo "$f at $w px: OVERFLOWS, the page is $scroll px wide in a $client px window"; status=1
    else
      echo "$f at $w px: fits ($scroll px in $client px)"
    fi
    unset scroll client
  done
done
exit $status
