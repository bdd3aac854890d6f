#!/usr/bin/env bash
# How the live path takes in the database (issue: live submissions). One simulated bank, N services,
# against a fresh PostgreSQL schema (BENCH_DB=h2: the H2 file database), in one of two scenarios:
#   BENCH_MODE=first-load (default): the package ingested, then the live path started as
#     `serve --embedded-kafka` starts it and the package's last K service events sent again at
#     once: held until the state has taken in the database, then judged. Prints the time until the
#     first and the last is judged.
#   BENCH_MODE=package-while-running: the live path started on the registry alone, then the package
#     ingested while it runs. Prints the time from the receipt until the topology has taken it in.
# Both print the intake's, the stream thread's and the process's CPU, GC time, the most heap in use
# after a collection (512 MB allowed), the live heap at the end and the state directory's size.
# BENCH_KEEP=1 keeps the schema; BENCH_SCHEMA=name runs first-load on a kept one without ingesting.
# Usage: benchmarks/intake.sh [services] [participants] [events]   (default 100,000, N/10, 1,000)
# PostgreSQL: TIMEBANK_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/test), _USER.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app -am package dependency:build-classpath \
  -DskipTests -Dspotless.check.skip=true -Dmdep.outputFile=target/classpath.txt
uptime | sed 's/^/load: /'
java -Xmx512m ${BENCH_JAVA_OPTS:-} \
  -cp "app/target/test-classes:app/target/classes:$(cat app/target/classpath.txt)" \
  cn.timebank.app.bench.IntakeBenchmark "$@"
uptime | sed 's/^/load: /'
