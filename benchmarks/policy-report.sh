#!/usr/bin/env bash
# Policy report on PostgreSQL (issue: reports): a database bulk-loaded by benchmarks/bulk-ledger.sh
# (with ledger entries, default tb_bench_policy), optionally the score job so that grades and PSI
# exist, then the policy report of region prefix 31 (every bulk bank is 3101NN) over the 12
# periods 2025-11..2026-10 (the months the bulk data covers), rendered as PDF and XLSX by
# cn.timebank.reporting.bench.PolicyBenchmark (reporting's test sources) in a JVM with -Xmx512m.
# Target: under 60 s with a heap of 512 MB.
# Usage: benchmarks/policy-report.sh [participants] [services] [database]   (default 1,000,000
#        10,000,000 tb_bench_policy)
# BENCH_REUSE=1: use the database as it is (no bulk load; it must hold the bulk data);
# BENCH_SCORE=0: skip the score job (grades and PSI then empty unless already scored);
# BENCH_KEEP=1: keep the database; BENCH_NO_BUILD=1: classes already compiled;
# BENCH_OUT=DIR: where the PDF, XLSX and figures.txt go (default target/bench-policy).
set -euo pipefail
cd "$(dirname "$0")/.."
participants=${1:-1000000}; services=${2:-10000000}; db=${3:-tb_bench_policy}
period=2026-10; from=${BENCH_FROM:-2025-11}; to=${BENCH_TO:-$period}; region=${BENCH_REGION:-31}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
url="jdbc:postgresql://$PGHOST:$PGPORT/$db"
uptime | sed 's/^/load: /'
if [ -z "${BENCH_REUSE:-}" ]; then
  benchmarks/bulk-ledger.sh "$db" "$participants" "$services" 8 "$period" 1
  uptime | sed 's/^/load: /'
fi
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  ./mvnw -B -q -pl reporting -am test-compile dependency:build-classpath \
    -Dspotless.check.skip=true -Dmdep.outputFile=target/classpath.txt
fi
cp="reporting/target/test-classes:reporting/target/classes:$(cat reporting/target/classpath.txt)"
# reporting's classpath carries ledger's and credit scoring's migrations (new indexes, if any)
java -cp "$cp" cn.timebank.reporting.bench.PolicyBenchmark migrate "$url"
if [ "${BENCH_SCORE:-1}" = 1 ]; then
  # the score job in a JVM of its own (not the measured one): grades and PSI of the last period
  start=$(date +%s.%N)
  java -Xmx1g -cp "$cp" cn.timebank.reporting.bench.PolicyBenchmark score "$url" "$to"
  printf 'score job (own JVM, -Xmx1g): %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
  uptime | sed 's/^/load: /'
fi
out=${BENCH_OUT:-target/bench-policy}
rm -rf "$out"
java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "$cp" cn.timebank.reporting.bench.PolicyBenchmark run \
  "$url" "$region" "$from" "$to" "$out"
uptime | sed 's/^/load: /'
if [ -z "${BENCH_KEEP:-}" ] && [ -z "${BENCH_REUSE:-}" ]; then dropdb "$db"; fi
