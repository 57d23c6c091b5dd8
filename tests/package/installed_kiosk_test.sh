#!/bin/sh
# The packaged kiosk on the real parts, as a jobcenter's IT would run it (as root: it changes
# the machine, and purges the two packages at the end unless KEEP_INSTALLED=1, or CI is set:
# a CI machine is thrown away, and purging costs it seconds):
#   build both packages from the ci build tree and lint them (scripts/dev package),
#   install them with apt, verify their units with systemd-analyze,
#   start the installed jobcenter-sim (certificates and pins as README.md's "separately started"),
#   point the installed /etc/jobcenter-kiosk/kiosk.json at it,
#   run the installed /usr/bin/kiosk inside cage on wlroots' headless backend as the package's
#   jobcenter-kiosk user (cage refuses root), and check that it drew frames under cage
#   (READY=1 after its first frame, then WATCHDOG=1), that it is in service and got the
#   jobcenter's settings from jobcenter-sim, that it writes its metrics file, and that its own
#   frame under cage is a real one (--screenshot of the menu, checked by png_check).
# usage: tests/package/installed_kiosk_test.sh [PNG_CHECK NOTIFY_LISTEN]   (default: from build/ci/tests)
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
png_check=${1:-$root/build/ci/tests/png_check}
notify_listen=${2:-$root/build/ci/tests/notify_listen}
started=$(date +%s)
step() { echo "installed-kiosk: $(( $(date +%s) - started )) s: $*"; }
fail() { echo "installed-kiosk: FAILED: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "run as root (it installs packages and starts programs as the kiosk user)"

work=$(mktemp -d /tmp/installed-kiosk.XXXXXX)
sim_pid="" cage_pid=""
# A process and everything it started (runuser -> cage -> kiosk), children first.
kill_tree() {
  for child in $(pgrep -P "$1" || true); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
# The first process called NAME below PID: find_descendant NAME PID
find_descendant() {
  for child in $(pgrep -P "$2" || true); do
    if [ "$(cat "/proc/$child/comm" 2>/dev/null)" = "$1" ]; then echo "$child"; return 0; fi
    find_descendant "$1" "$child" && return 0
  done
  return 1
}
# Running, not a zombie waiting to be reaped.
alive() {
  state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "${state#Z}" = "$state" ]
}
cleanup() {
  [ -n "$cage_pid" ] && kill_tree "$cage_pid"
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ "${KEEP_INSTALLED:-0}" != 1 ] && [ -z "${CI:-}" ]; then
    rm -rf /etc/jobcenter-kiosk/tls /run/jobcenter-kiosk
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -q jobcenter-kiosk jobcenter-sim >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

step "packages"
scripts/dev package
step "apt-get install"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  ./build/packages/jobcenter-kiosk_*.deb ./build/packages/jobcenter-sim_*.deb >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; fail "apt-get install"; }
for f in /usr/bin/kiosk /usr/bin/jobcenter-sim /usr/share/jobcenter-kiosk/i18n/da.json /etc/jobcenter-kiosk/kiosk.json \
         /lib/systemd/system/jobcenter-kiosk.service /lib/systemd/system/jobcenter-sim.service; do
  [ -e "$f" ] || fail "not installed: $f"
done
dpkg-query -W -f='${Conffiles}\n' jobcenter-kiosk | grep -q /etc/jobcenter-kiosk/kiosk.json || fail "kiosk.json is not a conffile"
id jobcenter-kiosk >/dev/null || fail "the package made no jobcenter-kiosk user"

step "systemd-analyze verify"
systemd-analyze verify /lib/systemd/system/jobcenter-kiosk.service /lib/systemd/system/jobcenter-sim.service >"$work/verify.log" 2>&1 ||
  { cat "$work/verify.log"; fail "systemd-analyze verify"; }
if [ -s "$work/verify.log" ]; then cat "$work/verify.log"; fail "systemd-analyze verify printed warnings"; fi

step "the installed jobcenter-sim"
tls=/etc/jobcenter-kiosk/tls
mkdir -p "$tls" "$work/sim"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=kiosk-ca \
  -keyout "$work/sim/kiosk-ca.key" -out "$work/sim/kiosk-ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=havnestad-indgang-1 \
  -keyout "$tls/kiosk.key" -out "$work/kiosk.csr" 2>/dev/null
openssl x509 -req -days 2 -in "$work/kiosk.csr" -CA "$work/sim/kiosk-ca.pem" -CAkey "$work/sim/kiosk-ca.key" \
  -CAcreateserial -out "$tls/kiosk.pem" 2>/dev/null
chown jobcenter-kiosk "$tls/kiosk.key"
chmod 600 "$tls/kiosk.key"
/usr/bin/jobcenter-sim --port 0 --seed demo --db "$work/sim/booking.sqlite" --cert-dir "$work/sim" \
  --kiosk-ca "$work/sim/kiosk-ca.pem" >"$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/sim.log" && break; sleep 0.1; done
grep -q "listening on" "$work/sim.log" || { cat "$work/sim.log"; fail "jobcenter-sim did not start"; }
cp "$work/sim/ca.pem" "$tls/ca.pem"
# A free port (--port 0), so nothing else on the machine is in the way.
port=$(sed -n 's|.*listening on https://127.0.0.1:\([0-9]*\).*|\1|p' "$work/sim.log")
[ -n "$port" ] || { cat "$work/sim.log"; fail "jobcenter-sim named no port"; }

step "the installed configuration, pointed at it"
pin=$(openssl x509 -in "$work/sim/server.pem" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64)
sed -i -e "s|sha256//REPLACE[^\"]*|sha256//$pin|" -e "s|https://localhost:8443|https://localhost:$port|" /etc/jobcenter-kiosk/kiosk.json
/usr/bin/kiosk --check-config /etc/jobcenter-kiosk/kiosk.json || fail "the configuration is not usable"

step "cage, headless, as jobcenter-kiosk: the kiosk in service"
chmod 0755 "$work"
runtime="$work/runtime"
mkdir -m 0700 "$runtime"
chown jobcenter-kiosk "$runtime"
# What the unit's RuntimeDirectory= makes: where the kiosk writes kiosk.prom.
install -d -o jobcenter-kiosk -m 0755 /run/jobcenter-kiosk
as_kiosk() {
  runuser -u jobcenter-kiosk -- env XDG_RUNTIME_DIR="$runtime" WLR_BACKENDS=headless WLR_RENDERER=pixman \
    WLR_LIBINPUT_NO_DEVICES=1 SDL_VIDEODRIVER=wayland "$@"
}
# systemd's part, played by notify_listen: READY=1 comes after the first frame was presented to
# cage, WATCHDOG=1 only while frames are drawn and the network worker answers (every second here).
"$notify_listen" "$work/notify.sock" 60 2 >"$work/notify.log" 2>&1 &
listen_pid=$!
for _ in $(seq 50); do [ -S "$work/notify.sock" ] && break; sleep 0.1; done
as_kiosk NOTIFY_SOCKET="$work/notify.sock" WATCHDOG_USEC=3000000 \
  cage -d -- /usr/bin/kiosk --config /etc/jobcenter-kiosk/kiosk.json >"$work/kiosk.log" 2>&1 &
cage_pid=$!
wait "$listen_pid" || { cat "$work/notify.log" "$work/kiosk.log"; fail "the installed kiosk under cage did not say it was ready and alive"; }
cat "$work/notify.log"
grep -q "kiosk: in service: kiosk havnestad-indgang-1" "$work/kiosk.log" || { cat "$work/kiosk.log"; fail "the kiosk is not in service"; }
# It asked the installed jobcenter-sim for the jobcenter's settings, over pinned HTTPS with its
# client certificate, and got them.
for _ in $(seq 40); do grep -q "kiosk: settings from the jobcenter applied" "$work/kiosk.log" && break; sleep 0.5; done
grep -q "kiosk: settings from the jobcenter applied" "$work/kiosk.log" || { cat "$work/kiosk.log"; fail "the kiosk got no settings from jobcenter-sim"; }
grep -q "^jobcenter_kiosk_up 1$" /run/jobcenter-kiosk/kiosk.prom || fail "no metrics file"
grep -q '^jobcenter_kiosk_info{version="[0-9.]*",kiosk_id="havnestad-indgang-1"} 1$' /run/jobcenter-kiosk/kiosk.prom ||
  { cat /run/jobcenter-kiosk/kiosk.prom; fail "the metrics file does not name the kiosk"; }
if grep -q "incident\|out of order" "$work/kiosk.log"; then cat "$work/kiosk.log"; fail "the installed kiosk reported a problem"; fi
# SIGTERM — systemd stopping or restarting the unit — ends the kiosk at once, not as a close
# request the locked-down kiosk would ignore (systemd would wait 90 s, then kill it); cage,
# its only client gone, ends too. (A compositor that dies ends the kiosk as well: "kiosk: the
# display is gone", exit code 4 — checked by hand, docs/operator-guide.md.)
cage=$(find_descendant cage "$cage_pid") || fail "no cage process"
kiosk=$(find_descendant kiosk "$cage") || fail "no kiosk process under cage"
kill -TERM "$kiosk"
for _ in $(seq 50); do alive "$cage" || break; sleep 0.1; done
if alive "$kiosk"; then fail "the kiosk did not end on SIGTERM"; fi
if alive "$cage"; then fail "cage did not end with its kiosk"; fi
wait "$cage_pid" 2>/dev/null || true
cage_pid=""

step "the installed kiosk's own frame under cage, in service"
as_kiosk cage -d -- /usr/bin/kiosk --config /etc/jobcenter-kiosk/kiosk.json --screen menu --screenshot "$runtime/menu.png" \
  >"$work/shot.log" 2>&1 || { cat "$work/shot.log"; fail "no screenshot"; }
"$png_check" "$runtime/menu.png" 1920 1080 00457C || fail "the installed kiosk's frame is not a real frame"
rm -rf /run/jobcenter-kiosk
step "passed"
