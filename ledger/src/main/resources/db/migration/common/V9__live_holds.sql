-- A package and the live path's events must not change the same records at the same time (two
-- writers: each would decide without the other's changes). While a package is applied, the live
-- path holds the events that arrive and judges them once it has taken the package in
-- (ingestion's hold package, README "One writer at a time").
--
-- live_paths: the live path's ledger task says every second that it runs; the batch asks for a
-- hold only when one was seen lately.
create table live_paths (
  instance_id varchar(64) not null,
  seen_at     timestamp   not null,
  constraint live_paths_pk primary key (instance_id)
);

-- live_holds: one row per package being applied while a live path runs. The batch writes the
-- request and renews its lease while it runs; the database sink writes held_at once every event
-- the live path judged before it began to hold is in the database; the batch writes done_at when
-- the package's receipt is stored (the live path holds until it has taken the package in), or
-- failed_at when the run failed (the live path takes in what the run committed, then judges
-- again). A lease that ran out (the batch's process died) ends the hold.
create table live_holds (
  package_id   varchar(100) not null,
  request_id   varchar(36)  not null,
  requested_at timestamp    not null,
  lease_until  timestamp    not null,
  held_at      timestamp,
  done_at      timestamp,
  failed_at    timestamp,
  constraint live_holds_pk primary key (package_id)
);
