-- Oracle part of V3: the staged record as JSON.
alter table staged_records add (payload clob);
