-- H2: audit_events is append-only (the same Java trigger as ledger_entries).
create trigger audit_events_no_change
  before update, delete on audit_events
  for each row call 'cn.timebank.ledger.schema.AppendOnlyTrigger';
