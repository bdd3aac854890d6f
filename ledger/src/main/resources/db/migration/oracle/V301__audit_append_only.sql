-- Oracle: audit_events is append-only. Not run here (no Oracle); reviewed by hand.
create or replace trigger audit_events_no_change
  before update or delete on audit_events
  for each row
begin
  raise_application_error(-20001, 'audit_events is append-only: update or delete refused');
end;
/
