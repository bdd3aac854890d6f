-- Which records each package or stream event changed (the engine's effects: its own record, the
-- records it adjusted, reversed, matched, gave back or superseded), written in the transaction of
-- those effects. The live path's topology reads a package's rows to take in what it changed
-- (ingestion's DatabaseSeed). A record changed twice by one source may have two rows.
create table touched_records (
  source_id   varchar(100) not null,
  bank_code   varchar(10)  not null,
  record_kind varchar(11)  not null,
  record_ref  varchar(64)  not null,
  constraint touched_records_kind_ck check (record_kind in ('SERVICE', 'TRANSACTION'))
);

create index touched_records_source_ix on touched_records (source_id);
