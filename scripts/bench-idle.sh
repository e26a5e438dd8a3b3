#!/usr/bin/env bash
# Idle cost: the shipped config/gateway.yaml (2 simulated channels at 1 Hz, 1-minute windows) runs
# through the launcher as the service runs it (the launcher's JVM options for run, which the unit
# does not change, or the unit's JAVA_OPTS where it sets them; the unit's log pattern), against a local mosquitto on a free 127.0.0.1 port (the
# broker and TLS lines replaced), a temp outbox and a free port for the status page.
# After WARMUP seconds (default 60: the JIT is done with the steady path by then) it samples /proc
# for SECONDS (default 30) and prints:
#   wake-ups/s of the whole process: voluntary + nonvoluntary context switches summed over
#     /proc/PID/task/*/status (nonvoluntary ones are preemptions: they grow with the machine's
#     load, not with the gateway's work), and per thread (those that woke at all);
#   % of one core: utime + stime of /proc/PID/stat over the interval;
#   RSS (VmRSS) and the thread count at the end.
# Usage: scripts/bench-idle.sh [SECONDS] [WARMUP]   (env CONFIG=... for another config,
#        JAVA_OPTS=... added after the launcher's options, GC_LOG=FILE to log the GC)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
warmup=${2:-60}
config=${CONFIG:-config/gateway.yaml}
[[ $secs =~ ^[0-9]+$ && $warmup =~ ^[0-9]+$ && $secs -gt 0 ]] || { echo "usage: $0 [SECONDS] [WARMUP]" >&2; exit 64; }

# Older trees' units set JAVA_OPTS themselves: then those, as the service ran then (for A/B runs
# of this script in a clone of an older commit).
if [[ -z ${JAVA_OPTS:-} ]]; then
    JAVA_OPTS=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' systemd/iot-gateway.service)
fi
JAVA_OPTS="${JAVA_OPTS:-}${GC_LOG:+ -Xlog:gc:file=$GC_LOG:uptime}"
export JAVA_OPTS
export IOT_GATEWAY_LOG_PATTERN="%-5level %logger{0}: %msg%n"

out=$(mktemp -d "${TMPDIR:-/tmp}/bench-idle-XXXXXX")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
mqtt_port=$(free_port)
http_port=$(free_port)
printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$mqtt_port" > "$out/mosquitto.conf"
# The config as shipped but for where it connects and writes: the broker list becomes the local
# broker, the tls block goes (no CA here), the outbox and the status page move to temp/free ones.
python3 - "$config" "$out/gateway.yaml" "$mqtt_port" "$http_port" "$out/outbox" <<'PY'
import re, sys
src, dst, mqtt, http, outbox = sys.argv[1:]
lines, out, skip = open(src, encoding="utf-8").read().split("\n"), [], None
for line in lines:
    indent = len(line) - len(line.lstrip())
    if skip is not None:
        if line.strip() == "" or line.lstrip().startswith("#") or indent > skip:
            continue
        skip = None
    m = re.match(r"^(\s*)(broker|tls|path|listen):(.*)$", line)
    if m:
        pad, key, rest = m.groups()
        if key in ("broker", "tls") and rest.split("#")[0].strip() == "":
            skip = len(pad)  # a block: drop its lines
        if key == "broker":
            out.append(f"{pad}broker: tcp://127.0.0.1:{mqtt}")
        elif key == "path":
            out.append(f"{pad}path: {outbox}")
        elif key == "listen":
            out.append(f"{pad}listen: 127.0.0.1:{http}")
        continue
    out.append(line)
open(dst, "w", encoding="utf-8").write("\n".join(out))
PY

mosquitto -c "$out/mosquitto.conf" > "$out/mosquitto.log" 2>&1 &
broker=$!
gw=
cleanup() {  # no && chains: under set -e a failing wait would end the trap before the broker is killed
    if [[ -n $gw ]]; then
        kill -TERM "$gw" 2>/dev/null || true
        wait "$gw" 2>/dev/null || true
    fi
    kill "$broker" 2>/dev/null || true
    wait "$broker" 2>/dev/null || true
    rm -rf "$out"
}
trap cleanup EXIT
scripts/iot-gateway version > /dev/null # builds the jar if needed
# A copy of the jar: a rebuild meanwhile must not pull it from under the running JVM. The launcher
# makes the copy's class-data-sharing archive next to it, before the measured run.
cp gateway/target/iot-gateway.jar "$out/iot-gateway.jar"
export IOT_GATEWAY_JAR="$out/iot-gateway.jar"
scripts/iot-gateway version > /dev/null
echo "bench-idle: ${JAVA_OPTS:+JAVA_OPTS='$JAVA_OPTS' }scripts/iot-gateway run --config $config (broker 127.0.0.1:$mqtt_port)" >&2
scripts/iot-gateway run --config "$out/gateway.yaml" > "$out/stdout" 2> "$out/gateway.log" &
gw=$!
# The launcher execs the JVM (same pid) once the jar and its archive are ready: on a loaded machine
# making the archive can take minutes, and the warm-up starts when the JVM does.
for ((i = 0; i < 900; i++)); do
    tr '\0' '\n' < "/proc/$gw/cmdline" 2>/dev/null | grep -qx -- -jar && break
    kill -0 "$gw" 2>/dev/null || break
    sleep 1
done
sleep "$warmup"
kill -0 "$gw" 2>/dev/null || { echo "bench-idle: the gateway exited:" >&2; cat "$out/gateway.log" >&2; exit 1; }
python3 - "$gw" "$secs" <<'PY'
import os, sys, time
pid, secs = int(sys.argv[1]), int(sys.argv[2])
hz = os.sysconf("SC_CLK_TCK")

def threads():
    result = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            f = dict(l.split(":", 1) for l in open(f"/proc/{pid}/task/{tid}/status") if ":" in l)
            result[tid] = (f["Name"].strip(), int(f["voluntary_ctxt_switches"]), int(f["nonvoluntary_ctxt_switches"]))
        except (FileNotFoundError, ProcessLookupError):
            pass
    return result

def cpu_ticks():
    stat = open(f"/proc/{pid}/stat").read()
    f = stat[stat.rindex(")") + 2:].split()
    return int(f[11]) + int(f[12])  # utime, stime (fields 14 and 15)

cmd = open(f"/proc/{pid}/cmdline").read().split("\0")
print("jvm options: " + " ".join(a for a in cmd[1:cmd.index("-jar")] if not a.startswith("-Xlog")), flush=True)
load0 = open("/proc/loadavg").read().split()[0]
t0, c0, s0 = time.monotonic(), cpu_ticks(), threads()
time.sleep(secs)
t1, c1, s1 = time.monotonic(), cpu_ticks(), threads()
print(f"machine load average {load0} -> {open('/proc/loadavg').read().split()[0]} on {os.cpu_count()} cores", flush=True)
elapsed = t1 - t0
per = []
for tid, (name, vol, nonvol) in s1.items():
    _, vol0, nonvol0 = s0.get(tid, (name, 0, 0))  # a thread born meanwhile counts from 0
    per.append(((vol - vol0 + nonvol - nonvol0) / elapsed, (vol - vol0) / elapsed, name, tid))
total = sum(p[0] for p in per)
voluntary = sum(p[1] for p in per)
rss = next(l.split()[1] for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS:"))
print(f"idle over {elapsed:.1f} s: {total:.1f} wake-ups/s ({voluntary:.1f} voluntary + {total - voluntary:.1f} preempted), "
      f"{100 * (c1 - c0) / hz / elapsed:.2f} % of a core, RSS {int(rss) / 1024:.1f} MB, {len(s1)} threads", flush=True)
for rate, vol, name, tid in sorted(per, reverse=True):
    if rate >= 0.05:
        print(f"  {rate:7.2f}/s  ({vol:.2f} voluntary)  {name} ({tid})")
quiet = sorted(name for rate, _, name, _ in per if rate < 0.05)
print(f"  asleep: {', '.join(quiet)}", flush=True)
PY
if [[ -n ${GC_LOG:-} ]]; then
    echo "GC over the whole run: $(grep -c 'Pause Full' "$GC_LOG" || true) full, $(grep -c 'Pause' "$GC_LOG" || true) in all;" \
        "largest heap after a GC $(grep -o '[0-9]*M->[0-9]*M' "$GC_LOG" | sed 's/.*->//; s/M//' | sort -n | tail -1) MB ($GC_LOG)"
fi
grep -E "WARN|ERROR" "$out/gateway.log" | head -5 || true
