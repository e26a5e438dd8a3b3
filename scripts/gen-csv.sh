#!/usr/bin/env bash
# Writes a replay CSV for the bench config (config/examples/bench-100.yaml):
#   timestamp,sensor,channel,value
# ROWS rows for sensors s0..s99 round-robin, one round every 10 ms starting 2026-11-24T05:00:00Z,
# so each sensor reads at 100 Hz and a 10 s window holds 1000 readings of it. Values are a seeded
# random walk with 2 decimals, so every run writes the same file. bash + awk only (no python).
set -euo pipefail

if [[ $# -ne 2 || ! $1 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 ROWS OUT" >&2
    exit 64
fi
rows=$1
out=$2

awk -v rows="$rows" 'BEGIN {
    srand(42)
    t0 = 1795496400000
    sensors = 100
    for (s = 0; s < sensors; s++) level[s] = 1500 + int(rand() * 1000)  # hundredths: 15.00 .. 24.99
    print "timestamp,sensor,channel,value"
    for (i = 0; i < rows; i++) {
        s = i % sensors
        level[s] += int(rand() * 21) - 10
        v = level[s]
        sign = v < 0 ? "-" : ""
        if (v < 0) v = -v
        # %.0f, not %d: mawk clamps %d to 32 bits
        printf "%.0f,s%d,value,%s%d.%02d\n", t0 + int(i / sensors) * 10, s, sign, int(v / 100), v % 100
    }
}' > "$out.tmp"
mv "$out.tmp" "$out"
