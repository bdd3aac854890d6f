#!/usr/bin/env bash
# The floor of any batch ingestion on this PostgreSQL (issue: batch ingestion): COPY of N
# ledger-shaped rows (default 2,000,000: the ledger entries of 1,000,000 services) into a bare
# table (as the ratio's denominator), into one with two keys (the chain order (bank_code,
# chain_seq) as primary key, (idempotency_key, line_no) unique), into one with the ledger's three
# keys (its own id as primary key besides those two), and into one with the ledger's five indexes
# and its foreign key. Prints psql's time of each COPY.
# Usage: benchmarks/ledger-floor.sh [rows]   (PostgreSQL at 127.0.0.1:5432, database test)
set -euo pipefail
rows=${1:-2000000}
data=$(mktemp /tmp/ledger-floor-XXXXXX.csv)
trap 'rm -f "$data"; psql -h 127.0.0.1 -U postgres -d test -qc "drop schema if exists ledger_floor cascade" >/dev/null 2>&1 || true' EXIT
uptime | sed 's/^/load: /'
psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q <<SQL
drop schema if exists ledger_floor cascade;
create schema ledger_floor;
set search_path = ledger_floor;
create table banks (bank_code varchar(10) primary key);
insert into banks values ('310109-001');
-- the columns of ledger_entries (V1); two lines per service posting, refs in random order
create table src as
select g::numeric(19) as id, '310109-001'::varchar(10) as bank_code, g::numeric(19) as chain_seq,
       (g / 2)::numeric(19) as posting_id, (g % 2 + 1)::numeric(4) as line_no,
       (case when g % 2 = 0 then 'PARTICIPANT' else 'ISSUANCE' end)::varchar(12) as account_kind,
       (case when g % 2 = 0
             then 'P' || lpad((hashint4(g)::bigint % 100000 + 100000)::text, 6, '0') end)::varchar(64)
         as participant_ref,
       (case when g % 2 = 0 then 60 else -60 end)::numeric(19) as amount_minutes,
       'SERVICE'::varchar(24) as entry_kind, ('S' || (g / 2))::varchar(64) as source_ref,
       '310109-001_2026-09_1_abcdef12'::varchar(100) as source_id,
       ('310109-001/S/S' || (g / 2) || '/1')::varchar(200) as idempotency_key,
       now()::timestamp as posted_at, md5(g::text) || md5((g + 1)::text) as prev_hash,
       md5((g + 2)::text) || md5((g + 3)::text) as entry_hash
from generate_series(1, $rows) g;
\copy src to '$data'
create table bare (like src);
create table two_keys (like src,
  constraint two_keys_pk primary key (bank_code, chain_seq),
  constraint two_keys_idem_uq unique (idempotency_key, line_no));
create table keyed (like src,
  constraint keyed_pk primary key (id),
  constraint keyed_chain_uq unique (bank_code, chain_seq),
  constraint keyed_idem_uq unique (idempotency_key, line_no));
create table ledger (like src,
  constraint ledger_pk primary key (id),
  constraint ledger_chain_uq unique (bank_code, chain_seq),
  constraint ledger_idem_uq unique (idempotency_key, line_no),
  constraint ledger_bank_fk foreign key (bank_code) references banks (bank_code));
create index ledger_account_ix on ledger (bank_code, account_kind, participant_ref);
create index ledger_source_ix on ledger (bank_code, source_ref);
checkpoint;
\timing on
\echo 'COPY into the bare table:'
\copy bare from '$data'
\timing off
checkpoint;
\timing on
\echo 'COPY into the table with two keys: the chain order as primary key, the idempotency key:'
\copy two_keys from '$data'
\timing off
checkpoint;
\timing on
\echo 'COPY into the table with the three keys of an idempotent chained ledger:'
\copy keyed from '$data'
\timing off
checkpoint;
\timing on
\echo 'COPY into the table with the ledger five indexes and its foreign key:'
\copy ledger from '$data'
\timing off
SQL
uptime | sed 's/^/load: /'
