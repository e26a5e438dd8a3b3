#!/usr/bin/env bash
# Time to first aggregate: `iot-gateway run` through the launcher (its JVM options for run) of a
# config whose first aggregate is its first reading (one simulated channel without a window,
# print: true), against a local mosquitto on a free 127.0.0.1 port, with a status page on a free
# port and a fresh outbox each time; measured from the launcher's start to the first aggregate
# line on stdout, then SIGTERM. N pairs (default 5), interleaved: with the class-data-sharing
# archive, then without it (IOT_GATEWAY_CDS=0: the JDK's own default archive only). Prints each
# run and the medians. The launcher makes the archive before the timed runs (on a copy of the jar).
# Usage: scripts/bench-startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-5}
[[ $pairs =~ ^[0-9]+$ && $pairs -gt 0 ]] || { echo "usage: $0 [N]" >&2; exit 64; }
out=$(mktemp -d "${TMPDIR:-/tmp}/bench-startup-XXXXXX")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
mqtt_port=$(free_port)
printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$mqtt_port" > "$out/mosquitto.conf"
mosquitto -c "$out/mosquitto.conf" > "$out/mosquitto.log" 2>&1 &
broker=$!
cleanup() {
    kill "$broker" 2>/dev/null || true
    wait "$broker" 2>/dev/null || true
    rm -rf "$out"
}
trap cleanup EXIT
scripts/iot-gateway version > /dev/null # builds the jar if needed
cp gateway/target/iot-gateway.jar "$out/iot-gateway.jar"
export IOT_GATEWAY_JAR="$out/iot-gateway.jar"
scripts/iot-gateway version > /dev/null # makes the archive of the copy
[[ -f $out/iot-gateway.jsa ]] || { echo "bench-startup: the launcher made no archive" >&2; exit 1; }

python3 - "$out" "$mqtt_port" "$pairs" <<'PY'
import os, signal, socket, statistics, subprocess, sys, time
out, mqtt_port, pairs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def once(n, cds):
    d = os.path.join(out, f"run-{n}-{'cds' if cds else 'nocds'}")
    os.makedirs(d)
    cfg = os.path.join(d, "gateway.yaml")
    with open(cfg, "w") as f:
        f.write(f"""gateway: {{id: startup, print: true}}
mqtt: {{broker: "tcp://127.0.0.1:{mqtt_port}"}}
outbox: {{path: {d}/outbox}}
http: {{listen: "127.0.0.1:{free_port()}"}}
sensors:
  - id: s0
    driver: simulated
    params: {{rate: 1}}
    channels:
      - {{id: value, window: none}}
""")
    env = dict(os.environ)
    if not cds:
        env["IOT_GATEWAY_CDS"] = "0"
    t0 = time.monotonic()
    p = subprocess.Popen(["scripts/iot-gateway", "run", "--config", cfg], stdout=subprocess.PIPE,
                         stderr=open(os.path.join(d, "stderr"), "w"), env=env)
    line = p.stdout.readline()
    elapsed = time.monotonic() - t0
    p.send_signal(signal.SIGTERM)
    p.wait(30)
    if not line.startswith(b"{"):
        sys.exit(f"bench-startup: no aggregate from run {n}: {open(os.path.join(d, 'stderr')).read()}")
    return elapsed

with_cds, without = [], []
for n in range(pairs):
    with_cds.append(once(n, True))
    without.append(once(n, False))
    print(f"pair {n + 1}: first aggregate after {with_cds[-1]:.2f} s with the archive, {without[-1]:.2f} s without",
          flush=True)
print(f"median over {pairs} pairs: {statistics.median(with_cds):.2f} s with the archive, "
      f"{statistics.median(without):.2f} s without ({os.getloadavg()[0]:.1f} load)")
PY
