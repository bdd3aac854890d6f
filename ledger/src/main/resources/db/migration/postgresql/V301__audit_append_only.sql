-- PostgreSQL: audit_events is append-only.
create function audit_events_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % refused', tg_op
    using errcode = 'restrict_violation';
end;
$$;

create trigger audit_events_no_change
  before update or delete on audit_events
  for each row execute function audit_events_refuse_change();

create trigger audit_events_no_truncate
  before truncate on audit_events
  for each statement execute function audit_events_refuse_change();
