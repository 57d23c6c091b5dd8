#!/bin/sh
# Renders the menu and checks the PNG is a real frame: in a GL window under Xvfb (sdl2, glfw), or
# headless with the software renderer and no display at all (headless).
# usage: screenshot_smoke.sh KIOSK PNG_CHECK BACKEND OUTDIR
set -eu
kiosk=$1 png_check=$2 backend=$3 out=$4
mkdir -p "$out"
for lang in da ar; do
  if [ "$backend" = headless ]; then
    env -u DISPLAY -u WAYLAND_DISPLAY "$kiosk" --screenshot "$out/menu-$lang.png" --screen menu --lang "$lang"
  else
    xvfb-run -a -s "-screen 0 1920x1080x24" \
      "$kiosk" --backend "$backend" --renderer gl --screenshot "$out/menu-$lang.png" --screen menu --lang "$lang"
  fi
  "$png_check" "$out/menu-$lang.png" 1920 1080 00457C
done
