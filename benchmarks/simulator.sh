#!/usr/bin/env bash
# The simulator's benchmark (issue: foundation): services written per second and the peak heap,
# in a 256 MB heap. Usage: benchmarks/simulator.sh [services] [participants]
# Defaults: 1,000,000 services, 100,000 participants, 8 banks, 2 % faults, the broken packages.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl simulator -am package dependency:build-classpath \
  -DskipTests -Dspotless.check.skip=true -Dmdep.outputFile=target/classpath.txt
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
java -Xmx256m -cp "simulator/target/classes:$(cat simulator/target/classpath.txt)" \
  cn.timebank.simulator.SimulatorBenchmark "${1:-1000000}" "${2:-100000}" "$out"
du -sh "$out" | sed 's/^/output size: /'
