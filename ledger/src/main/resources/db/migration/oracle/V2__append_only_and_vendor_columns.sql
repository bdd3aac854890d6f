-- Oracle part of the schema (12c+): id default, large text, and the append-only trigger.
-- Not run here (no Oracle, no Docker); reviewed by hand and exercised by
-- OracleLedgerIntegrationTests wherever Docker is available.

alter table ledger_entries modify (id default ledger_entry_ids.nextval);

alter table packages add (receipt_json clob);

create or replace trigger ledger_entries_no_change
  before update or delete on ledger_entries
  for each row
begin
  raise_application_error(-20001, 'ledger_entries is append-only: update or delete refused');
end;
/
