#!/usr/bin/env bash
# Benchmarks. Usage: scripts/bench.sh replay [ROWS]   (ROWS default 10,000,000)
#                    scripts/bench.sh engine          (JMH: see scripts/bench-engine.sh)
#                    scripts/bench.sh soak [SECONDS]  (1,000 channels in -Xmx32m: see scripts/bench-soak.sh)
#                    scripts/bench.sh idle [SECONDS] [WARMUP]  (wake-ups/s, CPU, RSS: see scripts/bench-idle.sh)
#                    scripts/bench.sh startup [N]     (time to first aggregate with and without the
#                                                      class-data-sharing archive: see scripts/bench-startup.sh)
#                    scripts/bench.sh heap [SECONDS]  (config/demo.yaml in -Xmx32m for SECONDS, default 600,
#                                                      with the GC logged: full GCs and the largest heap after a GC)
#                   scripts/bench.sh spill|drain|wear|churn   (store-and-forward, see below)
#                   scripts/bench.sh gpio-retry [SECONDS]     (a GPIO sensor waiting for its chip, see below)
#                   scripts/bench.sh modbus [SECONDS] [throughput|dead]   (one RTU bus; see below)
#                   scripts/bench.sh remote [live|restart|rollback] [RUNS]   (remote configuration, see below)
#
# replay: generates target/bench/replay-ROWS.csv once (scripts/gen-csv.sh), then replays it 3 times
# with config/examples/bench-100.yaml into /dev/null under a 64 MB heap, through scripts/iot-gateway
# as a user runs it (so with its class-data-sharing archive), and prints whole-process rows/s (rows /
# wall time, launcher and JVM start included) per run, their median, CPU seconds and peak RSS.
# The launcher builds the jar and the archive when they are missing, before the timed runs.
# Installs nothing. CDS=0 scripts/bench.sh replay: the same without the archive.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 replay [ROWS] | engine | soak [SECONDS] | idle [SECONDS] [WARMUP] | heap [SECONDS] | startup [N] | spill [N] [MAX_BYTES] | drain [N] [INFLIGHT] [VERSION] | wear [SECONDS] | churn [MAX_BYTES] [PER_OUTAGE] [PAUSE_MS] | gpio-retry [SECONDS] | modbus [SECONDS] [throughput|dead] | remote [live|restart|rollback] [RUNS]" >&2; exit 64; }
[[ $# -ge 1 ]] || usage
case $1 in
    engine) shift; exec scripts/bench-engine.sh "$@" ;;
    soak) shift; exec scripts/bench-soak.sh "$@" ;;
    idle) shift; exec scripts/bench-idle.sh "$@" ;;
    startup) shift; exec scripts/bench-startup.sh "$@" ;;
    heap) secs=${2:-600}; [[ $secs =~ ^[0-9]+$ && $secs -gt 60 ]] || usage
          mkdir -p target/bench; rm -f target/bench/heap-gc.log
          CONFIG=config/demo.yaml JAVA_OPTS="-Xmx32m${JAVA_OPTS:+ $JAVA_OPTS}" GC_LOG=$PWD/target/bench/heap-gc.log \
              exec scripts/bench-idle.sh $((secs - 30)) 30 ;;
    replay|spill|drain|wear|churn|gpio-retry|modbus|remote) ;;
    *) usage ;;
esac

# modbus [SECONDS=10] [throughput|dead]: org.iotgateway.driver.modbus.ModbusBench on a socat pty with
# rogue.py (our RTU slave; --pace holds each reply for the time request and reply take on a real
# line, 11 bits a byte). 3 runs of each (both parts unless one is named), medians:
#   throughput: polls/s of two slaves at 9600 and 115200 baud, paced, against the wire-time limit
#   (17 bytes a poll x 11 bits / baud); at 115200 also unpaced (our own and the slave's overhead)
#   dead: the live slave's poll delay behind its due time, alone and next to a dead slave (timeout
#   50 ms, asked every 230 ms); "alone" is the machine's own scheduling noise
# Needs socat and Debian's python3 (scripts/test.sh installs them). Builds the drivers' test classes
# (no install). The slave is Python: on a loaded machine its pacing, not our master, sets the figure.
if [[ $1 == modbus ]]; then
    secs=${2:-10}
    mkdir -p target/bench
    cpfile=target/bench/modbus-cp.txt
    mvn -q -B test-compile -pl drivers
    [[ -f $cpfile ]] || mvn -q -B dependency:build-classpath -pl drivers -Dmdep.outputFile="$PWD/$cpfile"
    run() { java -Xmx128m -cp "drivers/target/classes:drivers/target/test-classes:$(cat "$cpfile")" \
        org.iotgateway.driver.modbus.ModbusBench "$@" 2>/dev/null; }
    median() { sort -n | sed -n 2p; }
    echo "bench: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
    part=${3:-all}
    if [[ $part == all || $part == throughput ]]; then
        for spec in "9600 pace" "115200 pace" "115200 nopace"; do
            for i in 1 2 3; do run throughput $spec "$secs"; done | tee -a /dev/stderr \
                | awk '{ print $5 }' | median | sed "s/^/median polls\/s, $spec: /"
        done
    fi
    if [[ $part == all || $part == dead ]]; then
        for baud in 9600 115200; do
            out=$(for i in 1 2 3; do run dead "$baud" "$secs"; done | tee -a /dev/stderr)
            for how in alone "with a dead slave"; do
                for q in p99 max; do
                    grep "$how" <<< "$out" | awk -v q=$q '{ for (i = 1; i <= NF; i++) if ($i == q) print $(i+1) }' \
                        | median | sed "s/^/median $q of the live slave's poll delay, $how, $baud baud: /;s/$/ ms/"
                done
            done
        done
    fi
    exit 0
fi

# Store-and-forward benchmarks: small mains in the test classes (they reuse the mosquitto and
# process fixtures), run against the shaded jar. Each prints one line per run; 3 runs, median.
#   spill [N=1000000]            aggregates/s appended and committed into the outbox, broker down
#   drain [N=1000000] [IF=200] [VERSION=5]   drain of an N backlog at QoS 1 vs a bare loop of the same Paho
#                                client (MQTT 5 or 3.1.1), same broker, same run
#   wear [SECONDS=30]            disk bytes per aggregate online and steady, per outbox.sync setting
#                                (as root also at the block device: a loop-mounted ext4 image)
#   churn [MAX_BYTES=4000000] [PER_OUTAGE=20000] [PAUSE_MS=10000]   H2 file size over 20 outage/drain cycles
#   gpio-retry [SECONDS=120]     CPU of a GPIO driver thread retrying a missing chip (provider rebuilt each time)
#   remote [live|restart|rollback] [RUNS=3]   a pushed config's time to applied (live; by a restart,
#                                RestartSec not included) and to rolled back (dead broker, default 60 s
#                                deadline): org.iotgateway.remote.RemoteConfigBench, all three without a mode
if [[ $1 =~ ^(spill|drain|wear|churn|gpio-retry|remote)$ ]]; then
    jar=gateway/target/iot-gateway.jar
    [[ -f $jar && -d gateway/target/test-classes/org/iotgateway/bench ]] || mvn -q -B -DskipTests package -pl gateway -am
    cp="$jar:gateway/target/test-classes"
    run() { java -Xmx512m -Dgateway.jar="$PWD/$jar" -cp "$cp" "$@"; }
    median() { sort -n | sed -n 2p; }
    case $1 in
        spill)
            n=${2:-1000000}
            for i in 1 2 3; do run org.iotgateway.bench.SpillBench "$n" ${3:+"$3"}; done | tee -a /dev/stderr \
                | awk '{ for (i = 1; i <= NF; i++) if ($i == "/s") print $(i-1) }' | median | sed 's/^/median spill aggregates\/s: /' ;;
        drain)
            n=${2:-1000000}; inflight=${3:-200}; version=${4:-5}
            for i in 1 2 3; do run org.iotgateway.bench.DrainBench "$n" "$inflight" "$version"; done | tee -a /dev/stderr \
                | awk '/^drain:/ { print $NF }' | median | sed 's/^/median drain ratio: /' ;;
        wear)
            secs=${2:-30}
            for sync in batch interval os; do
                out=$(for i in 1 2 3; do run org.iotgateway.bench.WearBench "$sync" "$secs"; done | tee -a /dev/stderr)
                awk '{ for (i = 1; i <= NF; i++) if ($i == "write_bytes") print $(i+1) }' <<<"$out" | median \
                    | sed "s/^/median write_bytes per aggregate, sync=$sync: /"
                awk '{ for (i = 1; i <= NF; i++) if ($i == "device" && $(i+1) ~ /^[0-9]+$/) print $(i+1) }' <<<"$out" \
                    | median | sed "s/^/median device bytes per aggregate (loop ext4, journal included), sync=$sync: /"
            done ;;
        churn)
            run org.iotgateway.bench.ChurnBench "${2:-4000000}" "${3:-20000}" "${4:-10000}" ;;
        gpio-retry)
            # pi4j's mock plugin (test scope, not in the jar) carries the fake chip's provider.
            mock=$(ls "$HOME"/.m2/repository/com/pi4j/pi4j-plugin-mock/*/pi4j-plugin-mock-*.jar | tail -1)
            cp="$cp:$mock"
            for i in 1 2 3; do run org.iotgateway.bench.GpioRetryBench "${2:-120}"; done | tee -a /dev/stderr \
                | awk '{ for (i = 1; i <= NF; i++) if ($i == "%") print $(i-1) }' | median \
                | sed 's/^/median GPIO driver thread, % of a core: /' ;;
        remote)
            modes=${2:-live restart rollback}
            for mode in $modes; do
                run org.iotgateway.remote.RemoteConfigBench "$mode" "${3:-3}" 2>/dev/null | tee -a /dev/stderr \
                    | awk '{ for (i = 1; i <= NF; i++) if ($i == "ms" || $i == "ms,") v = $(i-1); print v }' \
                    | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }' \
                    | sed "s/^/median ms from push to the outcome, $mode: /"
            done ;;
        *) usage ;;
    esac
    exit 0
fi
rows=${2:-10000000}
[[ $rows =~ ^[0-9]+$ && $rows -gt 0 ]] || usage

config=config/examples/bench-100.yaml
mkdir -p target/bench
csv=target/bench/replay-$rows.csv
if [[ ! -f $csv ]]; then
    echo "bench: generating $csv ($rows rows)" >&2
    scripts/gen-csv.sh "$rows" "$csv"
fi

export JAVA_OPTS="-Xmx64m${JAVA_OPTS:+ $JAVA_OPTS}"
[[ ${CDS:-1} == 0 ]] && export IOT_GATEWAY_CDS=0
scripts/iot-gateway version > /dev/null # builds the jar and the archive if needed: not part of the timing
cmd=(scripts/iot-gateway replay --config "$config" --input "$csv" --output /dev/null)
echo "bench: JAVA_OPTS='$JAVA_OPTS' ${IOT_GATEWAY_CDS:+IOT_GATEWAY_CDS=0 }${cmd[*]}" >&2

have_time=1
[[ -x /usr/bin/time ]] || { have_time=0; echo "bench: /usr/bin/time missing: using bash time (no peak RSS)" >&2; }

rates=()
for run in 1 2 3; do
    log=target/bench/run-$run.log
    if ((have_time)); then
        /usr/bin/time -v -o "$log.time" "${cmd[@]}" 2> "$log" || { echo "bench: run $run failed:" >&2; cat "$log" >&2; exit 1; }
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log.time")
        rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log.time")
        cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$log.time")
    else
        TIMEFORMAT=%R
        wall=$( { time "${cmd[@]}" 2> "$log"; } 2>&1 ) || { echo "bench: run $run failed:" >&2; cat "$log" >&2; exit 1; }
        rss="?"
        cpu="?"
    fi
    rate=$(awk -v r="$rows" -v w="$wall" 'BEGIN { printf "%.0f", r / w }')
    rates+=("$rate")
    printf 'run %d: %s s wall, %s rows/s, %s s CPU, peak RSS %s kB   [%s]\n' "$run" "$wall" "$rate" "$cpu" "$rss" \
        "$(grep -o '[0-9]* rows read.*' "$log" | head -1)"
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p)
echo "median: $median rows/s ($rows rows, -Xmx64m, whole process)"
