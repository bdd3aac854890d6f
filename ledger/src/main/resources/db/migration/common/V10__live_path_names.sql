-- A database takes events from one live path (its ledger topology on one Kafka cluster). A second
-- one started on another broker (stream-replay or serve --embedded-kafka beside a running serve)
-- would judge its events against state stores that never see the first one's, and both would
-- write the ledger: the live path names itself in its heartbeat, and a live path about to start
-- refuses while another one's heartbeat is fresh (ingestion's OneLivePath). Instances of one live
-- path (the same application id on the same cluster) share the name. Null: a row of a version
-- before this column, named by nobody.
alter table live_paths add live_path varchar(300);
