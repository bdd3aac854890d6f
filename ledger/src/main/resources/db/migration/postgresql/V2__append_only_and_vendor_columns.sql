-- PostgreSQL part of the schema: id default, large text, and the append-only trigger.

alter table ledger_entries alter column id set default nextval('ledger_entry_ids');

alter table packages add column receipt_json text;

create function ledger_entries_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'ledger_entries is append-only: % refused', tg_op
    using errcode = 'restrict_violation';
end;
$$;

create trigger ledger_entries_no_change
  before update or delete on ledger_entries
  for each row execute function ledger_entries_refuse_change();

create trigger ledger_entries_no_truncate
  before truncate on ledger_entries
  for each statement execute function ledger_entries_refuse_change();
