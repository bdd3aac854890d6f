#!/usr/bin/env bash
# Credit scoring on PostgreSQL (issue: credit scoring): a fresh database (default tb_bench_scoring)
# bulk-loaded by benchmarks/bulk-ledger.sh, then the score job for the period (participants/s and
# each step's time), one plain SQL aggregation of the same raw features in the same run, the ratio
# (target <= 2.0), and the graph findings A303 and A304 timed alone. The database is dropped at
# the end unless BENCH_KEEP=1. Heap 1 GB (BENCH_HEAP): the job streams its reads (A304 included,
# bank by bank), so 1 GB is enough at 10,000,000 services.
# Usage: benchmarks/scoring.sh [participants] [services] [database]   (default 1,000,000 10,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
participants=${1:-1000000}; services=${2:-10000000}; db=${3:-tb_bench_scoring}
period=2026-10
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
uptime | sed 's/^/load: /'
benchmarks/bulk-ledger.sh "$db" "$participants" "$services" 8 "$period" 0
uptime | sed 's/^/load: /'
cp="credit-scoring/target/test-classes:credit-scoring/target/classes:$(cat credit-scoring/target/classpath.txt)"
java -Xmx"${BENCH_HEAP:-1g}" ${BENCH_JAVA_OPTS:-} -cp "$cp" cn.timebank.scoring.bench.ScoringBenchmark run \
  "jdbc:postgresql://$PGHOST:$PGPORT/$db" "$period"
uptime | sed 's/^/load: /'
if [ -z "${BENCH_KEEP:-}" ]; then dropdb "$db"; fi
