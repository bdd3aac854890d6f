-- The live path's topology reads the participants a package wrote a page at a time
-- (ingestion's DatabaseSeed: source, bank, then the refs in order): without this index each page
-- was a scan of the bank's participants, and with planner statistics older than the package a
-- full scan and sort per page.
create index participants_source_ix on participants (source_id, bank_code, participant_ref);
