#!/usr/bin/env bash
# Batch ingestion into PostgreSQL against COPY (issue: batch ingestion): one simulated bank with
# N services (and N/10 participants) ingested through the real Submissions into a fresh schema
# with a 512 MB heap; then the rows it wrote (services, ledger_entries) copied with COPY into
# tables of the same shape; prints services/s, peak heap, COPY time and the ratio ingest/COPY.
# Usage: benchmarks/ingest.sh [services] [participants] [error-rate]   (default 1,000,000)
# PostgreSQL: TIMEBANK_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/test), _USER.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app -am package dependency:build-classpath \
  -DskipTests -Dspotless.check.skip=true -Dmdep.outputFile=target/classpath.txt
uptime | sed 's/^/load: /'
java -Xmx512m ${BENCH_JAVA_OPTS:-} \
  -cp "app/target/test-classes:app/target/classes:$(cat app/target/classpath.txt)" \
  cn.timebank.app.bench.IngestBenchmark "$@"
uptime | sed 's/^/load: /'
