-- The audit trail (ledger's audit.AuditTrail): who did what, when and from where. One hash chain
-- over every event (seq 1, 2, ...; event_hash over the event and prev_hash, as the ledger's).
-- Append-only: the application only inserts; the vendor migration V301 adds a trigger that refuses
-- UPDATE and DELETE, and production should also
--   REVOKE UPDATE, DELETE ON audit_events FROM <application user>;
-- bank_code has no foreign key: an upload may name a bank the registry does not know (P003).
create table audit_events (
  seq         numeric(19)   not null,
  recorded_at timestamp     not null,
  actor       varchar(200)  not null,
  origin      varchar(300)  not null,
  action_name varchar(40)   not null,
  target      varchar(500)  not null,
  bank_code   varchar(100),
  detail      varchar(2000),
  prev_hash   char(64)      not null,
  event_hash  char(64)      not null,
  constraint audit_events_pk primary key (seq)
);

create index audit_events_at_ix on audit_events (recorded_at);

create index audit_events_bank_ix on audit_events (bank_code, recorded_at);

-- The chain's end, locked (select ... for update) to serialise appends. One row.
create table audit_chain_head (
  id        numeric(1)  not null,
  last_seq  numeric(19) not null,
  last_hash char(64)    not null,
  constraint audit_chain_head_pk primary key (id)
);

insert into audit_chain_head (id, last_seq, last_hash)
  values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
