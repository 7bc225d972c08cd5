#!/usr/bin/env bash
# Installs the .deb that `mvn -Pdist package` built, starts the app from its menu entry under a
# private Xvfb (opening a scene file, as a double-click does), saves a screenshot, and uninstalls.
# Needs root and: apt-get install xvfb xdotool imagemagick (and the deb's dependencies, which
# `apt install ./file.deb` would bring). Not part of `mvn verify`: it installs system packages.
#   scripts/check-deb.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"; mkdir -p "$out"
deb=$(ls target/installer/backprop-lens_*.deb)
entry=/usr/share/applications/backprop-lens-backprop-lens.desktop

dpkg -i "$deb"
test -x /opt/backprop-lens/bin/backprop-lens
grep -q '^Name=Backprop Lens$' "$entry"
grep -q '^MimeType=application/x-backprop-lens-scene' "$entry"
# A scene file as File > Save writes it: the backward pass, Xavier, seed 7.
cat > "$out/check.lens.json" <<'JSON'
{"version": 1, "scene": "backward", "init": "xavier", "seed": 7, "nh": 50, "reluShift": 0.0,
 "batch": 1000, "step": 8, "sample": 3, "matmul": null}
JSON
# Exactly what the desktop runs for a double-clicked scene file.
[ "$(xdg-mime query filetype "$out/check.lens.json")" = application/x-backprop-lens-scene ]
exec_line=$(sed -n 's/^Exec=//p' "$entry"); exec_line=${exec_line//%f/$out/check.lens.json}

Xvfb :57 -screen 0 1280x720x24 -nolisten tcp & xvfb=$!
app=
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT
sleep 1
DISPLAY=:57 setsid $exec_line > "$out/app.out" 2> "$out/app.err" & app=$!
for _ in $(seq 1 90); do
  DISPLAY=:57 xdotool search --name "Backprop Lens" > /dev/null 2>&1 && break
  sleep 1
done
DISPLAY=:57 xdotool search --name "Backprop Lens" > /dev/null
sleep 8   # the views fill in once ND4J and MNIST have loaded in the background
DISPLAY=:57 import -window root "$out/window.png"
kill "$app"; app=
echo "stderr of the app:"; cat "$out/app.err"

dpkg -r backprop-lens
test ! -e /opt/backprop-lens && test ! -e "$entry"
echo "deb installed, started (screenshot $out/window.png) and uninstalled"
