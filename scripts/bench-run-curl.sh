#!/usr/bin/env bash
# The baseline for `npm run bench:run`: the same work done the shell way. Start the emulator with the
# CLI's `emulator --json`, read its ready line, then send the same HTTP requests the full run sent,
# one curl process per request as a reader's shell would, through the emulator's curl config (it
# routes the Azure host names to the emulator and trusts its CA; URLs and Host stay as written).
# usage: bench-run-curl.sh <path to bin/tutorial-conformance.js> <folder of per-request curl configs>
set -euo pipefail
cli=$1
requests=$2

coproc EMULATOR { exec node "$cli" emulator --json; }
emulator_pid=$EMULATOR_PID
trap 'kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true' EXIT
read -r ready <&"${EMULATOR[0]}"
emulator_config=$(jq -r .curlConfig <<<"$ready")

count=0
for request in "$requests"/*.curl; do
  # -s: no progress meter; -o /dev/null: bodies are not what is measured; a failed request does not stop the loop
  curl -s -o /dev/null --path-as-is -K "$emulator_config" -K "$request" || true
  count=$((count + 1))
done
echo "$count"
