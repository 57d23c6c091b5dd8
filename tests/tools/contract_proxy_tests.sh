#!/bin/sh
# Runs the server tests through Prism in proxy mode: every request and response is checked
# against server/openapi.yaml, and the tests fail on any violation Prism reports.
# usage: contract_proxy_tests.sh SERVER_TESTS CONTRACT_TOOLS_DIR OPENAPI_YAML
set -eu
tests=$1 tools=$2 spec=$3
prism="$tools/node_modules/.bin/prism"
[ -x "$prism" ] || { echo "Prism is not installed: run npm ci in $tools (scripts/dev test does)" >&2; exit 1; }
upstream=18444
proxy=4010
log=$(mktemp)
# Prism checks the contract, not TLS: each test starts a server with a fresh throwaway CA on the
# same port, so Prism's upstream connection skips verification. The direct-mode run of the same
# tests (server_tests) verifies TLS on every request.
NODE_TLS_REJECT_UNAUTHORIZED=0 "$prism" proxy "$spec" "https://127.0.0.1:$upstream" -h 127.0.0.1 -p "$proxy" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
i=0
until grep -q "Prism is listening" "$log"; do
  i=$((i + 1))
  if [ $i -gt 600 ] || ! kill -0 $pid 2>/dev/null; then
    echo "Prism did not start:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done
KIOSK_CONTRACT_PROXY="http://127.0.0.1:$proxy" KIOSK_CONTRACT_UPSTREAM_PORT=$upstream "$tests" "~[no-proxy]"
