#!/usr/bin/env bash
# The live path (issue: live submissions): one simulated bank's package published as events to the
# in-JVM KRaft broker; events per second through the ledger topology (input topics to its committed
# outcomes, exactly_once_v2) and, on the same broker and input, through a pass-through
# exactly_once_v2 topology, and through a floor (one write to each state store the issue asks of a
# ledger and its outputs, without a rule: FloorTopology); the ratios to the pass-through, in a cold
# JVM (round 1) and again in a warmer JVM (rounds 2 and 3, fresh state; BENCH_ROUNDS=n for more);
# then the database sink on its own (H2). BENCH_FLOOR=MEMORY keeps the floor's stores in memory
# (with changelogs), ONE_RECORD one value per event, NONE_ONE_TASK none (its three input topics
# still in one task), NONE none (a task per topic: its outputs alone).
# BENCH_STREAM_THREADS=n runs both topologies with n stream threads; BENCH_LAYOUT=REPARTITIONED runs
# the ledger in the layout for input topics of several partitions (default: ONE_TASK, as LiveLedger
# builds it on the one-partition topics used here).
# Usage: benchmarks/stream.sh [services] [participants] [--no-sink]   (default 50,000 services)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app -am package dependency:build-classpath \
  -DskipTests -Dspotless.check.skip=true -Dmdep.outputFile=target/classpath.txt
uptime | sed 's/^/load: /'
java -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -cp "app/target/test-classes:app/target/classes:$(cat app/target/classpath.txt)" \
  cn.timebank.app.bench.StreamBenchmark "$@"
uptime | sed 's/^/load: /'
