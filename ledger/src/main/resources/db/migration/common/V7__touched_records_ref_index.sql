-- The live path's topology reads a package's touched records a page at a time, by bank and kind in
-- the refs' order (ledger's TouchedRecords, KeysetPages): the index covers that read, so each page
-- is a range of the index, whatever the package's size.
drop index touched_records_source_ix;

create index touched_records_source_ix
  on touched_records (source_id, bank_code, record_kind, record_ref);
