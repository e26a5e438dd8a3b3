#!/usr/bin/env bash
# JMH benchmarks of the stream engine (gateway test sources, package org.iotgateway.stream.bench):
#   SingleConsumerBench  ring + range/calibrate filters + 10 s tumbling windows, 100 channels, one thread
#   FourProducersBench   4 producer threads into one ring, the real consumer thread running the engine
# Runs 3 forks each with -prof gc and prints, per benchmark, the 3 fork means and their median, and
# gc.alloc.rate.norm (bytes per reading). Usage: scripts/bench-engine.sh [JMH-REGEX]
# (drivers/target/classes comes first: other builds may rewrite the drivers jar in ~/.m2 meanwhile)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
# One invocation: the gateway's classpath then takes the drivers from the reactor (their classes),
# not from ~/.m2, where our modules are never installed. Each module writes the file; the gateway,
# built last, leaves its own.
mvn -q -B -o test-compile dependency:build-classpath -pl gateway -am -Dmdep.includeScope=test \
    -Dmdep.outputFile=../target/bench/cp.txt 2>/dev/null \
  || mvn -q -B test-compile dependency:build-classpath -pl gateway -am -Dmdep.includeScope=test \
    -Dmdep.outputFile=../target/bench/cp.txt
cp="gateway/target/test-classes:gateway/target/classes:drivers/target/classes:$(cat target/bench/cp.txt)"
json=target/bench/engine.json
java -cp "$cp" org.openjdk.jmh.Main "${1:-org.iotgateway.stream.bench}" -f 3 -prof gc -rf json -rff "$json" \
    > target/bench/engine.log
python3 - "$json" <<'PY'
import json, statistics, sys
for b in json.load(open(sys.argv[1])):
    forks = [statistics.mean(f) for f in b["primaryMetric"]["rawData"]]
    norm = b["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score", float("nan"))
    print(f'{".".join(b["benchmark"].rsplit(".", 2)[-2:])}: forks {", ".join(f"{x/1e6:.1f}" for x in forks)} M ops/s; '
          f'median {statistics.median(forks)/1e6:.1f} M readings/s; {norm:.3f} B/reading (gc.alloc.rate.norm)')
PY
grep -h "adds up\|DOES NOT" target/bench/engine.log | sort | uniq -c | head -3 || true
