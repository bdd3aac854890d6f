-- The overlap reads (W204: a person's services whose [start, end) meets an interval) look for rows
-- ending after the interval's start. An index on (person_key, start_at) could serve them only by
-- reading every row of the person that started before the interval's end, i.e. the person's whole
-- history; (person_key, end_at) reads the rows ending after its start. Nothing else reads the
-- start index (CreditStore.overlapping and CreditStore.ofPersons are its only users).
drop index credited_person_start_ix;
create index credited_person_end_ix on credited_services (person_key, end_at);
