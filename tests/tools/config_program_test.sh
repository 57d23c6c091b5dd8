#!/bin/sh
# The kiosk program's configuration tools and a start with a configuration that cannot be used.
#   config_program_test.sh KIOSK WORK_DIR hash|check|out-of-order
set -eu
kiosk=$1 work=$2 what=$3
rm -rf "$work" && mkdir -p "$work/tls"
fail() { echo "FAIL: $*" >&2; exit 1; }

pin="sha256//$(printf 'A%.0s' $(seq 43))="
printf -- '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' > "$work/tls/ca.pem"
cp "$work/tls/ca.pem" "$work/tls/kiosk.pem"
printf -- '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n' > "$work/tls/kiosk.key"
chmod 600 "$work/tls/kiosk.key"
good_config() {  # $1: the admin PIN hash
  cat <<JSON
{ "kioskId": "test-kiosk", "placeName": "Indgang, stueetagen",
  "bookingSystem": { "baseUrl": "https://localhost:1", "caFile": "tls/ca.pem", "pins": ["$pin"],
                     "clientCertificate": "tls/kiosk.pem", "clientKey": "tls/kiosk.key" },
  "languages": ["da", "ar", "uk"], "adminPinHash": "$1", "usageFigures": { "send": false } }
JSON
}

case $what in
hash)
  hash=$(echo 482916 | "$kiosk" --hash-admin-pin) || fail "--hash-admin-pin refused a good PIN"
  case $hash in '$argon2id$'*) ;; *) fail "--hash-admin-pin printed: $hash" ;; esac
  if err=$(echo 1234 | "$kiosk" --hash-admin-pin 2>&1); then fail "--hash-admin-pin accepted 1234: $err"; fi
  echo "$err" | grep -q "6 to 12 digits" || fail "no reason for a short PIN: $err"
  # The hash it prints is one the configuration accepts.
  good_config "$hash" > "$work/kiosk.json"
  "$kiosk" --check-config "$work/kiosk.json" | grep -q ": ok: kiosk test-kiosk" || fail "the printed hash was not accepted"
  ;;
check)
  good_config '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA' > "$work/kiosk.json"
  out=$("$kiosk" --check-config "$work/kiosk.json") || fail "a good file was refused: $out"
  [ "$(echo "$out" | wc -l)" -eq 1 ] || fail "more than one line for a good file: $out"
  echo "$out" | grep -q ": ok: kiosk test-kiosk (Indgang, stueetagen), booking system https://localhost:1 with a client certificate, 3 languages" \
    || fail "the ok line: $out"
  # Three problems at once: an unknown key, a warning below WCAG's 20 s, a key file others can read.
  sed 's/"languages"/"idle": { "timeoutSeconds": 120, "warningSeconds": 10 }, "colour": "blue", "languages"/' "$work/kiosk.json" > "$work/bad.json"
  chmod 644 "$work/tls/kiosk.key"
  if out=$("$kiosk" --check-config "$work/bad.json"); then fail "a bad file passed: $out"; fi
  echo "$out"
  echo "$out" | grep -q '/colour: found an unknown key' || fail "unknown key not reported"
  echo "$out" | grep -q '/idle/warningSeconds: found 10; allowed: a whole number of seconds from 20 to 120' || fail "warning not reported"
  echo "$out" | grep -q '/bookingSystem/clientKey: found ".*kiosk.key" with mode 0644, readable by group or others' || fail "key mode not reported"
  echo "$out" | grep -q ": 3 problems$" || fail "not all three problems at once: $out"
  if out=$("$kiosk" --check-config "$work/none.json"); then fail "a missing file passed"; fi
  echo "$out" | grep -q 'which cannot be read (No such file or directory)' || fail "missing file: $out"
  ;;
out-of-order)
  good_config '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA' | sed 's/"languages": \["da", "ar", "uk"\]/"languages": ["ar", "da"], "pinter": "x"/' > "$work/bad.json"
  "$kiosk" --config "$work/bad.json" --dump-ui "$work/dump.json" 2> "$work/log.txt" || fail "the kiosk did not start: $(cat "$work/log.txt")"
  cat "$work/log.txt"
  grep -q '"screen": "out-of-order"' "$work/dump.json" || fail "not the out-of-order screen: $(head -c 300 "$work/dump.json")"
  grep -q '"language": "ar"' "$work/dump.json" || fail "not in the first enabled language"
  grep -q "kiosk: out of order: .*bad.json: /pinter: found an unknown key" "$work/log.txt" || fail "the log lacks the reason"
  if grep -q -e pinter -e kiosk.json -e bad.json "$work/dump.json"; then fail "technical detail on the screen"; fi
  # No file at all (a kiosk set up without one): out of order too, and the log says which file.
  "$kiosk" --config "$work/missing.json" --dump-ui "$work/dump2.json" 2> "$work/log2.txt" || fail "no start without a file"
  grep -q '"screen": "out-of-order"' "$work/dump2.json" || fail "not out of order without a file"
  grep -q "missing.json\", which cannot be read" "$work/log2.txt" || fail "the log lacks the missing file"
  ;;
*) fail "unknown test $what" ;;
esac
echo "passed: $what"
