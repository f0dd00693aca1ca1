#!/usr/bin/env bash
# The baseline for `npm run bench:run`: the same work done the shell way. Start the emulator with the
# CLI's `emulator --json`, read its ready line, then send the same HTTP requests the full run sent,
# one curl process per request as a reader's shell would, through the emulator's curl config (it
# routes the Azure host names to the emulator and trusts its CA; URLs and Host stay as written).
# Prints "<requests sent> <milliseconds from start to the last answer>"; stopping the emulator
# afterwards is not timed (SIGTERM, then SIGKILL after five seconds).
# usage: bench-run-curl.sh <path to bin/tutorial-conformance.js> <folder of per-request curl configs>
set -euo pipefail
cli=$1
requests=$2
started=$(date +%s%N)

coproc EMULATOR { exec node "$cli" emulator --json; }
emulator_pid=$EMULATOR_PID
stop_emulator() {
  kill "$emulator_pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$emulator_pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$emulator_pid" 2>/dev/null || true
}
trap 'stop_emulator; wait "$emulator_pid" 2>/dev/null || true' EXIT
read -r ready <&"${EMULATOR[0]}"
emulator_config=$(jq -r .curlConfig <<<"$ready")

count=0
for request in "$requests"/*.curl; do
  # -s: no progress meter; -o /dev/null: bodies are not what is measured; a failed request does not stop the loop
  curl -s -o /dev/null --path-as-is --max-time 30 -K "$emulator_config" -K "$request" || true
  count=$((count + 1))
done
echo "$count $((($(date +%s%N) - started) / 1000000))"
