-- H2 part of the schema: id default, large text, and the append-only trigger (a Java class).

alter table ledger_entries alter column id set default next value for ledger_entry_ids;

alter table packages add column receipt_json clob;

create trigger ledger_entries_no_change
  before update, delete on ledger_entries
  for each row call 'cn.timebank.ledger.schema.AppendOnlyTrigger';
