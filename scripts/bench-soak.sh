#!/usr/bin/env bash
# Soak: config/examples/soak-1000.yaml (1,000 channels at 10 Hz, 1-minute windows, all 14 aggregates)
# runs as the real gateway in -Xmx32m for SECONDS (default 600) against a local mosquitto on a free
# 127.0.0.1 port, with the GC logged; then SIGTERM. Prints the number of full GCs, the largest heap
# after a GC, and the gateway's accounting lines. Usage: scripts/bench-soak.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
jar=gateway/target/iot-gateway.jar
[[ -f $jar ]] || mvn -q -B -DskipTests package
out=target/soak
rm -rf "$out"; mkdir -p "$out"
cp "$jar" "$out/iot-gateway.jar" # a rebuild meanwhile must not pull the jar from under the running JVM
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port" > "$out/mosquitto.conf"
mosquitto -c "$out/mosquitto.conf" > "$out/mosquitto.log" 2>&1 &
broker=$!
trap 'kill $broker 2>/dev/null || true' EXIT
SOAK_BROKER=tcp://127.0.0.1:$port java -Xmx32m -Xlog:gc:file="$out/gc.log":uptime -jar "$out/iot-gateway.jar" run \
    --config config/examples/soak-1000.yaml > /dev/null 2> "$out/gateway.log" &
gw=$!
sleep "$secs"
kill -TERM $gw
wait $gw || true
echo "soak: $secs s, 1,000 channels x 10 Hz, -Xmx32m"
echo "full GCs: $(grep -c 'Pause Full' "$out/gc.log" || true)"
echo "GC pauses: $(grep -c 'Pause' "$out/gc.log" || true)"
echo "largest heap after GC: $(grep -o '[0-9]*M->[0-9]*M' "$out/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1) MB"
grep -E "WARN|ERROR|offered" "$out/gateway.log" | head -20 || true
