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
#
# replay: generates target/bench/replay-ROWS.csv once (scripts/gen-csv.sh), then replays it 3 times
# with config/examples/bench-100.yaml into /dev/null under a 64 MB heap, through scripts/iot-gateway
# as a user runs it (so with its class-data-sharing archive), and prints whole-process rows/s (rows /
# wall time, launcher and JVM start included) per run, their median, CPU seconds and peak RSS.
# The launcher builds the jar and the archive when they are missing, before the timed runs.
# Installs nothing. CDS=0 scripts/bench.sh replay: the same without the archive.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 replay [ROWS] | engine | soak [SECONDS] | idle [SECONDS] [WARMUP] | heap [SECONDS] | startup [N] | spill [N] [MAX_BYTES] | drain [N] [INFLIGHT] | wear [SECONDS] | churn [MAX_BYTES] [PER_OUTAGE] [PAUSE_MS]" >&2; exit 64; }
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
    replay|spill|drain|wear|churn) ;;
    *) usage ;;
esac

# Store-and-forward benchmarks: small mains in the test classes (they reuse the mosquitto and
# process fixtures), run against the shaded jar. Each prints one line per run; 3 runs, median.
#   spill [N=1000000]            aggregates/s appended and committed into the outbox, broker down
#   drain [N=1000000] [IF=200]   drain of an N backlog at QoS 1 vs a bare Paho loop, same broker, same run
#   wear [SECONDS=30]            disk bytes per aggregate online and steady, per outbox.sync setting
#   churn [MAX_BYTES=4000000] [PER_OUTAGE=20000] [PAUSE_MS=10000]   H2 file size over 20 outage/drain cycles
if [[ $1 =~ ^(spill|drain|wear|churn)$ ]]; then
    jar=gateway/target/iot-gateway.jar
    [[ -f $jar && -d gateway/target/test-classes/org/iotgateway/bench ]] || mvn -q -B -DskipTests install
    cp="$jar:gateway/target/test-classes"
    run() { java -Xmx512m -Dgateway.jar="$PWD/$jar" -cp "$cp" "$@"; }
    median() { sort -n | sed -n 2p; }
    case $1 in
        spill)
            n=${2:-1000000}
            for i in 1 2 3; do run org.iotgateway.bench.SpillBench "$n" ${3:+"$3"}; done | tee -a /dev/stderr \
                | awk '{ for (i = 1; i <= NF; i++) if ($i == "/s") print $(i-1) }' | median | sed 's/^/median spill aggregates\/s: /' ;;
        drain)
            n=${2:-1000000}; inflight=${3:-200}
            for i in 1 2 3; do run org.iotgateway.bench.DrainBench "$n" "$inflight"; done | tee -a /dev/stderr \
                | awk '/^drain:/ { print $NF }' | median | sed 's/^/median drain ratio: /' ;;
        wear)
            secs=${2:-30}
            for sync in batch interval os; do
                for i in 1 2 3; do run org.iotgateway.bench.WearBench "$sync" "$secs"; done | tee -a /dev/stderr \
                    | awk '{ for (i = 1; i <= NF; i++) if ($i == "write_bytes") print $(i+1) }' | median \
                    | sed "s/^/median write_bytes per aggregate, sync=$sync: /"
            done ;;
        churn)
            run org.iotgateway.bench.ChurnBench "${2:-4000000}" "${3:-20000}" "${4:-10000}" ;;
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
