-- PostgreSQL part of V3: the staged record as JSON.
alter table staged_records add column payload text;
