#!/usr/bin/env bash
# Screenshots of a built page in headless Chromium at phone and desktop widths, light and dark.
# usage: scripts/screenshots.sh PUBLIC_DIR PAGE OUT_DIR      e.g. scripts/screenshots.sh public async-thoughts/index.html docs
set -euo pipefail
public=$1 page=$2 out=$3
command -v chromium >/dev/null || { echo "screenshots: chromium is not installed (apt-get install chromium)" >&2; exit 1; }
mkdir -p "$out"
url="file://$(cd "$public" && pwd)/$page"
shot() { # name width height [extra flags]
    local name=$1 width=$2 height=$3
    shift 3
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,$height" \
        "$@" --screenshot="$out/$name.png" "$url" >/dev/null 2>&1
    echo "$out/$name.png"
}
shot screenshot-desktop 1280 2400
shot screenshot-phone 390 2400
shot screenshot-phone-dark 390 2400 --blink-settings=preferredColorScheme=0
shot screenshot-desktop-dark 1280 2400 --blink-settings=preferredColorScheme=0
