#!/usr/bin/env bash
# Benchmarks. Usage: scripts/bench.sh replay [ROWS]   (ROWS default 10,000,000)
#                    scripts/bench.sh engine          (JMH: see scripts/bench-engine.sh)
#                    scripts/bench.sh soak [SECONDS]  (1,000 channels in -Xmx32m: see scripts/bench-soak.sh)
#                   scripts/bench.sh spill|drain|wear|churn   (store-and-forward, see below)
#
# replay: generates target/bench/replay-ROWS.csv once (scripts/gen-csv.sh), then replays it 3 times
# with config/examples/bench-100.yaml into /dev/null under a 64 MB heap, and prints whole-process
# rows/s (rows / wall time, JVM start included) per run, their median, and peak RSS.
# Builds the jar when it is missing (like scripts/iot-gateway). Installs nothing.
# CDS=1 scripts/bench.sh replay: the same with an AppCDS archive of the gateway's classes.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 replay [ROWS] | engine | soak [SECONDS] | spill [N] [MAX_BYTES] | drain [N] [INFLIGHT] | wear [SECONDS] | churn [MAX_BYTES] [PER_OUTAGE] [PAUSE_MS]" >&2; exit 64; }
[[ $# -ge 1 ]] || usage
case $1 in
    engine) shift; exec scripts/bench-engine.sh "$@" ;;
    soak) shift; exec scripts/bench-soak.sh "$@" ;;
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

jar=gateway/target/iot-gateway.jar
config=config/examples/bench-100.yaml
[[ -f $jar ]] || mvn -q -B -DskipTests package

mkdir -p target/bench
csv=target/bench/replay-$rows.csv
if [[ ! -f $csv ]]; then
    echo "bench: generating $csv ($rows rows)" >&2
    scripts/gen-csv.sh "$rows" "$csv"
fi

# CDS=1: class data sharing for the gateway's own classes (AppCDS). Java 17 has no auto-archive,
# so a dump step runs a 1,000-row replay once and archives the classes it loaded.
cds=()
if [[ ${CDS:-0} == 1 ]]; then
    jsa=target/bench/iot-gateway.jsa
    if [[ ! -f $jsa || $jar -nt $jsa ]]; then
        head -1001 "$csv" > target/bench/cds.csv
        java -XX:ArchiveClassesAtExit="$jsa" -Xmx64m -jar "$jar" replay --config "$config" \
            --input target/bench/cds.csv --output /dev/null 2> target/bench/cds.log
    fi
    cds=(-XX:SharedArchiveFile="$jsa")
fi
cmd=(java "${cds[@]}" -Xmx64m -jar "$jar" replay --config "$config" --input "$csv" --output /dev/null)
echo "bench: ${cmd[*]}" >&2

have_time=1
[[ -x /usr/bin/time ]] || { have_time=0; echo "bench: /usr/bin/time missing: using bash time (no peak RSS)" >&2; }

rates=()
for run in 1 2 3; do
    log=target/bench/run-$run.log
    if ((have_time)); then
        /usr/bin/time -v -o "$log.time" "${cmd[@]}" 2> "$log" || { echo "bench: run $run failed:" >&2; cat "$log" >&2; exit 1; }
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log.time")
        rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log.time")
    else
        TIMEFORMAT=%R
        wall=$( { time "${cmd[@]}" 2> "$log"; } 2>&1 ) || { echo "bench: run $run failed:" >&2; cat "$log" >&2; exit 1; }
        rss="?"
    fi
    rate=$(awk -v r="$rows" -v w="$wall" 'BEGIN { printf "%.0f", r / w }')
    rates+=("$rate")
    printf 'run %d: %s s wall, %s rows/s, peak RSS %s kB   [%s]\n' "$run" "$wall" "$rate" "$rss" \
        "$(grep -o '[0-9]* rows read.*' "$log" | head -1)"
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p)
echo "median: $median rows/s ($rows rows, -Xmx64m, whole process)"
