#!/bin/sh
# Renders the menu with a real GL window under Xvfb and checks the PNG is a real frame.
# usage: screenshot_smoke.sh KIOSK PNG_CHECK BACKEND OUTDIR
set -eu
kiosk=$1 png_check=$2 backend=$3 out=$4
mkdir -p "$out"
for lang in da ar; do
  xvfb-run -a -s "-screen 0 1920x1080x24" \
    "$kiosk" --backend "$backend" --screenshot "$out/menu-$lang.png" --screen menu --lang "$lang"
  "$png_check" "$out/menu-$lang.png" 1920 1080 00457C
done
