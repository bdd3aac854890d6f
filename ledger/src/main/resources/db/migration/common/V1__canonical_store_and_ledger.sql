-- The canonical store and the ledger: portable DDL for H2 (default mode), PostgreSQL and Oracle.
-- Rules kept here (see ledger/README.md): no reserved words as names, identifiers <= 30 chars,
-- flags are CHAR(1) 'Y'/'N', whole numbers are NUMERIC(p) (Oracle has no BIGINT; PostgreSQL
-- identity columns need an integer type, so ledger_entries.id takes its default from a sequence in
-- the vendor migration), times are TIMESTAMP in UTC, large text columns are added per vendor.

-- Bank registry (spec §1, §7) ---------------------------------------------------------------

create table banks (
  bank_code        varchar(10)  not null,
  name             varchar(200) not null,
  region_code      char(6)      not null,
  status           varchar(10)  not null,
  registered_since date         not null,
  amount_basis     varchar(12)  not null,
  coins_per_hour   numeric(12, 4),
  imported_at      timestamp    not null,
  constraint banks_pk primary key (bank_code),
  constraint banks_status_ck check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
  constraint banks_basis_ck check (amount_basis in ('DURATION', 'COINS', 'PER_SERVICE'))
);

create table bank_keys (
  bank_code  varchar(10)  not null,
  key_id     varchar(40)  not null,
  public_key varchar(200) not null,
  valid_from date         not null,
  valid_to   date,
  constraint bank_keys_pk primary key (bank_code, key_id),
  constraint bank_keys_bank_fk foreign key (bank_code) references banks (bank_code)
);

create table category_mappings (
  bank_code    varchar(10) not null,
  valid_from   date        not null,
  local_code   varchar(40) not null,
  unified_code varchar(40) not null,
  constraint category_mappings_pk primary key (bank_code, valid_from, local_code),
  constraint category_map_bank_fk foreign key (bank_code) references banks (bank_code)
);

-- Packages and their receipts (spec §2, §5); receipt_json is added per vendor (CLOB / TEXT) ---

create table packages (
  package_id   varchar(100) not null,
  sha256       char(64)     not null,
  bank_code    varchar(10),
  report_month varchar(7),
  seq_no       numeric(9),
  received_at  timestamp    not null,
  due_at       timestamp,
  late         char(1)      not null,
  status       varchar(4)   not null,
  archive_path varchar(500),
  constraint packages_pk primary key (package_id),
  constraint packages_late_ck check (late in ('Y', 'N')),
  constraint packages_status_ck check (status in ('ACPT', 'WARN', 'PART', 'RJCT'))
);

create index packages_period_ix on packages (bank_code, report_month, seq_no);
create index packages_sha256_ix on packages (sha256);

-- Canonical records (spec §2). Never a raw identity number: person_key + masked_id only. -------

create table participants (
  bank_code        varchar(10)  not null,
  participant_ref  varchar(64)  not null,
  person_key       char(64),
  id_type          varchar(12),
  masked_id        varchar(40),
  name             varchar(100),
  gender           char(1),
  birth_date       date,
  region_code      char(6),
  roles            varchar(10),
  registered_on    date,
  status           varchar(10)  not null,
  status_date      date,
  lives_alone      char(1),
  low_income       char(1),
  disability_level numeric(1),
  certificates     varchar(500),
  source_id        varchar(100) not null,
  updated_at       timestamp    not null,
  constraint participants_pk primary key (bank_code, participant_ref),
  constraint participants_bank_fk foreign key (bank_code) references banks (bank_code),
  constraint participants_alone_ck check (lives_alone in ('Y', 'N')),
  constraint participants_income_ck check (low_income in ('Y', 'N'))
);

create index participants_person_ix on participants (person_key);

-- One row per version of a service: a correction adds the new version and sets current_flag of
-- the superseded one to 'N' (the ledger reverses its entries; nothing is deleted).
create table services (
  bank_code        varchar(10)  not null,
  service_ref      varchar(64)  not null,
  source_id        varchar(100) not null,
  current_flag     char(1)      not null,
  provider_ref     varchar(64),
  provider_key     char(64),
  recipient_ref    varchar(64),
  local_category   varchar(40),
  unified_category varchar(40),
  start_at         timestamp,
  end_at           timestamp,
  local_amount     numeric(12, 2),
  funding          varchar(12),
  status           varchar(20)  not null,
  verification     varchar(12),
  rating           numeric(1),
  location_region  char(6),
  recorded_at      timestamp,
  standard_version varchar(20),
  time_band        varchar(10),
  actual_minutes   numeric(9),
  billable_minutes numeric(9),
  weighted_minutes numeric(9),
  credited_minutes numeric(9),
  result_codes     varchar(200),
  file_name        varchar(100),
  line_no          numeric(9),
  received_at      timestamp    not null,
  constraint services_pk primary key (bank_code, service_ref, source_id),
  constraint services_bank_fk foreign key (bank_code) references banks (bank_code),
  constraint services_current_ck check (current_flag in ('Y', 'N'))
);

create index services_provider_ix on services (provider_key, start_at);

create table transactions (
  bank_code         varchar(10)  not null,
  txn_ref           varchar(64)  not null,
  source_id         varchar(100) not null,
  current_flag      char(1)      not null,
  txn_type          varchar(16)  not null,
  participant_ref   varchar(64),
  counterparty_ref  varchar(64),
  counterparty_bank varchar(10),
  standard_minutes  numeric(19),
  occurred_at       timestamp,
  reverses_ref      varchar(64),
  note              varchar(500),
  result_codes      varchar(200),
  file_name         varchar(100),
  line_no           numeric(9),
  received_at       timestamp    not null,
  constraint transactions_pk primary key (bank_code, txn_ref, source_id),
  constraint transactions_bank_fk foreign key (bank_code) references banks (bank_code),
  constraint transactions_current_ck check (current_flag in ('Y', 'N'))
);

-- Open transfer items (W207): a TRANSFER_IN or TRANSFER_OUT waiting for its other side. --------

create table transfer_items (
  bank_code         varchar(10) not null,
  txn_ref           varchar(64) not null,
  direction         varchar(12) not null,
  person_key        char(64)    not null,
  counterparty_bank varchar(10) not null,
  minutes           numeric(19) not null,
  occurred_at       timestamp   not null,
  matched_bank      varchar(10),
  matched_ref       varchar(64),
  matched_at        timestamp,
  constraint transfer_items_pk primary key (bank_code, txn_ref),
  constraint transfer_items_bank_fk foreign key (bank_code) references banks (bank_code),
  constraint transfer_items_dir_ck check (direction in ('TRANSFER_IN', 'TRANSFER_OUT'))
);

create index transfer_items_open_ix on transfer_items (person_key, direction, minutes);

-- The ledger (spec §6) ------------------------------------------------------------------------

-- One row per bank: the head of its hash chain. The writer locks it (select ... for update) so
-- that appends to one bank's chain are serialised.
create table chain_heads (
  bank_code  varchar(10) not null,
  last_seq   numeric(19) not null,
  last_hash  char(64)    not null,
  updated_at timestamp   not null,
  constraint chain_heads_pk primary key (bank_code),
  constraint chain_heads_bank_fk foreign key (bank_code) references banks (bank_code)
);

create sequence ledger_entry_ids start with 1 increment by 1;

-- Append-only: the vendor migration adds the trigger that refuses UPDATE and DELETE, and the
-- default of id (next value of ledger_entry_ids).
create table ledger_entries (
  id              numeric(19)  not null,
  bank_code       varchar(10)  not null,
  chain_seq       numeric(19)  not null,
  posting_id      numeric(19)  not null,
  line_no         numeric(4)   not null,
  account_kind    varchar(12)  not null,
  participant_ref varchar(64),
  amount_minutes  numeric(19)  not null,
  entry_kind      varchar(24)  not null,
  source_ref      varchar(64)  not null,
  source_id       varchar(100) not null,
  idempotency_key varchar(200) not null,
  posted_at       timestamp    not null,
  prev_hash       char(64)     not null,
  entry_hash      char(64)     not null,
  constraint ledger_entries_pk primary key (id),
  constraint ledger_entries_chain_uq unique (bank_code, chain_seq),
  constraint ledger_entries_idem_uq unique (idempotency_key, line_no),
  constraint ledger_entries_bank_fk foreign key (bank_code) references banks (bank_code),
  constraint ledger_entries_kind_ck
    check (account_kind in ('PARTICIPANT', 'POOL', 'ISSUANCE', 'CLEARING')),
  constraint ledger_entries_ref_ck
    check ((account_kind = 'PARTICIPANT' and participant_ref is not null)
        or (account_kind <> 'PARTICIPANT' and participant_ref is null)),
  constraint ledger_entries_amount_ck check (amount_minutes <> 0)
);

create index ledger_entries_account_ix
  on ledger_entries (bank_code, account_kind, participant_ref);
create index ledger_entries_source_ix on ledger_entries (bank_code, source_ref);
