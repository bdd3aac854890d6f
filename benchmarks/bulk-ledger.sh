#!/usr/bin/env bash
# Bulk ledger for benchmarks: a fresh PostgreSQL database, migrated with the app's Flyway
# migrations (ledger + credit scoring, common + postgresql, and Spring Batch's tables), filled with
# set-based SQL (benchmarks/bulk-ledger.sql) instead of ingesting packages.
#
# Usage: benchmarks/bulk-ledger.sh DATABASE PARTICIPANTS SERVICES [BANKS] [PERIOD] [LEDGER]
#   DATABASE      dropped if it exists, then created (e.g. tb_bench_scoring)
#   PARTICIPANTS  e.g. 100000; SERVICES e.g. 1000000 (plus ~1 % superseded versions, 60 planted)
#   BANKS         default 8; PERIOD default 2026-10 (services cover the 12 months ending with it)
#   LEDGER        1 (default): also ledger_entries (2 per completed service and transaction) and
#                 chain_heads; 0: canonical tables only (enough for scoring)
# PostgreSQL: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), trust auth.
# Skip the build with BENCH_NO_BUILD=1 (then the classes must already be compiled).
# Reuse from another benchmark: call this script, then point the JDBC URL it prints at the data.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?database}; participants=${2:?participants}; services=${3:?services}
banks=${4:-8}; period=${5:-2026-10}; ledger=${6:-1}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
url="jdbc:postgresql://$PGHOST:$PGPORT/$db"
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  ./mvnw -B -q -pl credit-scoring -am test-compile dependency:build-classpath \
    -Dspotless.check.skip=true -Dmdep.outputFile=target/classpath.txt
fi
cp="credit-scoring/target/test-classes:credit-scoring/target/classes:$(cat credit-scoring/target/classpath.txt)"
dropdb --if-exists "$db"
createdb "$db"
java -cp "$cp" cn.timebank.scoring.bench.ScoringBenchmark migrate "$url"
echo "bulk load: $participants participants, $services services, $banks banks, period $period, ledger $ledger"
start=$(date +%s.%N)
psql -q -X -d "$db" -v participants="$participants" -v services="$services" -v banks="$banks" \
  -v period="$period" -v ledger="$ledger" -v seed=0.42 -f benchmarks/bulk-ledger.sql
end=$(date +%s.%N)
printf 'bulk load: %.1f s\n' "$(echo "$end - $start" | bc)"
psql -X -A -t -d "$db" -c "select 'database size: ' || pg_size_pretty(pg_database_size(current_database()))"
echo "url: $url"
