-- The database sink of the live path (ingestion's stream.sink): one row per event that reached the
-- database, applied (ACCEPTED, CONFIRMED) or rejected (its one code). The primary key makes the
-- sink idempotent: an event whose row says applied is never applied again (a replay after a crash),
-- whatever its effects; a rejected event may be sent again and applied later (the row is updated).
-- bank_code has no foreign key: a reject may name a bank the registry does not know (P003).
create table stream_events (
  bank_code    varchar(100) not null,
  event_id     varchar(128) not null,
  topic_name   varchar(40)  not null,
  record_ref   varchar(64),
  outcome      varchar(10)  not null,
  result_codes varchar(200),
  field_name   varchar(64),
  applied_at   timestamp    not null,
  constraint stream_events_pk primary key (bank_code, event_id),
  constraint stream_events_outcome_ck check (outcome in ('ACCEPTED', 'CONFIRMED', 'REJECTED'))
);
