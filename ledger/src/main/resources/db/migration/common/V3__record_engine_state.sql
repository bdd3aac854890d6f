-- What the record engine needs to know of what came before (ingestion's LedgerState), kept beside
-- the ledger it explains, and the batch's working tables. Same portable rules as V1: no reserved
-- words as names, identifiers <= 30 chars, CHAR(1) 'Y'/'N' flags, NUMERIC(p) whole numbers,
-- TIMESTAMP for Asia/Shanghai local times of records (as delivered) and UTC for times of receipt.
-- Large text (the staged record) is added per vendor in V4.

-- Daily-cap rows: one per completed service, what it is credited now (after the daily cap) and
-- how that splits between the provider and the pool (storage cap). A reversed service keeps its
-- row with reversed_flag 'Y'.
create table credited_services (
  bank_code        varchar(10) not null,
  service_ref      varchar(64) not null,
  person_key       char(64)    not null,
  provider_ref     varchar(64) not null,
  funding_kind     varchar(12) not null,
  funding_ref      varchar(64),
  start_at         timestamp   not null,
  end_at           timestamp,
  service_day      date        not null,
  weighted_minutes numeric(19) not null,
  credited_minutes numeric(19) not null,
  provider_minutes numeric(19) not null,
  pool_minutes     numeric(19) not null,
  reversed_flag    char(1)     not null,
  constraint credited_services_pk primary key (bank_code, service_ref),
  constraint credited_reversed_ck check (reversed_flag in ('Y', 'N'))
);

create index credited_person_day_ix on credited_services (person_key, service_day);
create index credited_person_start_ix on credited_services (person_key, start_at);

-- Refs used by accepted records (R118, confirmations, R114): the fingerprint of the content, the
-- month its date falls in, its place in time order, and what it reverses / what reversed it.
create table used_refs (
  bank_code        varchar(10) not null,
  record_kind      varchar(11) not null,
  record_ref       varchar(64) not null,
  fingerprint      char(64)    not null,
  report_month     varchar(7)  not null,
  pos_at           timestamp   not null,
  pos_kind         varchar(11) not null,
  pos_ref          varchar(64) not null,
  reverses_bank    varchar(10),
  reverses_kind    varchar(11),
  reverses_ref     varchar(64),
  reversed_by_bank varchar(10),
  reversed_by_kind varchar(11),
  reversed_by_ref  varchar(64),
  constraint used_refs_pk primary key (bank_code, record_kind, record_ref),
  constraint used_refs_kind_ck check (record_kind in ('SERVICE', 'TRANSACTION'))
);

create index used_refs_month_ix on used_refs (bank_code, report_month);

-- Every posting the engine made, by its idempotency key (its lines are the ledger_entries of that
-- key): the record it belongs to, its number among that record's postings, and its position in
-- time order (spec §3.8), which the ledger does not keep.
create table engine_postings (
  idempotency_key varchar(200) not null,
  bank_code       varchar(10)  not null,
  source_kind     varchar(11)  not null,
  source_ref      varchar(64)  not null,
  source_id       varchar(100) not null,
  posting_kind    varchar(24)  not null,
  posting_no      numeric(9)   not null,
  pos_at          timestamp    not null,
  pos_kind        varchar(11)  not null,
  pos_ref         varchar(64)  not null,
  constraint engine_postings_pk primary key (idempotency_key)
);

create index engine_postings_source_ix on engine_postings (bank_code, source_kind, source_ref);

-- R119: the first package the regulator accepted from each bank.
create table first_packages (
  bank_code    varchar(10)  not null,
  report_month varchar(7)   not null,
  package_id   varchar(100) not null,
  constraint first_packages_pk primary key (bank_code)
);

-- V1's transfer items, plus: a reversed transfer takes no part in matching.
alter table transfer_items add reversed_flag char(1) default 'N' not null;

-- A package whose records are being applied by the batch job (one row per verified delivery),
-- until its receipt is stored in packages. superseded_flag: a correction's supersede is applied.
create table package_runs (
  package_id      varchar(100) not null,
  sha256          char(64)     not null,
  bank_code       varchar(10)  not null,
  report_month    varchar(7)   not null,
  seq_no          numeric(9)   not null,
  received_at     timestamp    not null,
  due_at          timestamp    not null,
  late            char(1)      not null,
  archive_path    varchar(500) not null,
  superseded_flag char(1)      not null,
  runner          varchar(100) not null,
  constraint package_runs_pk primary key (package_id),
  constraint package_runs_late_ck check (late in ('Y', 'N')),
  constraint package_runs_sup_ck check (superseded_flag in ('Y', 'N'))
);

create index package_runs_sha256_ix on package_runs (sha256);

-- The batch's staging rows: one per record of a package being applied, with the canonical record
-- (or its reader problems) in payload (V4), its place in application order (apply_key: digits
-- only, so that every collation sorts it the same way), R113 (repeated_flag) and, once applied,
-- its outcome: A accepted, C confirmed, R rejected, with its codes.
create table staged_records (
  package_id    varchar(100) not null,
  file_no       numeric(4)   not null,
  line_no       numeric(12)  not null,
  file_name     varchar(100) not null,
  record_kind   char(1)      not null,
  record_ref    varchar(64),
  apply_key     varchar(700) not null,
  repeated_flag char(1)      not null,
  outcome       char(1),
  result_codes  varchar(200),
  field_name    varchar(64),
  detail        varchar(1000),
  constraint staged_records_pk primary key (package_id, file_no, line_no),
  constraint staged_kind_ck check (record_kind in ('P', 'S', 'T')),
  constraint staged_repeated_ck check (repeated_flag in ('Y', 'N')),
  constraint staged_outcome_ck check (outcome in ('A', 'C', 'R'))
);

create index staged_apply_ix on staged_records (package_id, apply_key);
create index staged_ref_ix on staged_records (package_id, record_kind, record_ref);
