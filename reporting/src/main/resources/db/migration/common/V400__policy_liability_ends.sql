-- Reporting: the policy report's hour liability per bank and period end (portable: H2, PostgreSQL,
-- Oracle). A derived figure, never a source: deleting rows only makes the next report compute them
-- again from ledger_entries (cn.timebank.reporting.policy.LiabilityEnds).
--   period_end  the end of a period, Beijing midnight, as the UTC time the ledger posts in
--   liability   Σ of the positive participant balances over the entries posted before period_end
--   chain_seq   the bank's highest ledger_entries.chain_seq when the figure was computed: the figure
--               is current while no PARTICIPANT entry with a higher number was posted before the end

create table rp_liability_ends (
  bank_code   varchar(10) not null,
  period_end  timestamp   not null,
  liability   numeric(19) not null,
  chain_seq   numeric(19) not null,
  computed_at timestamp   not null,
  constraint rp_liability_ends_pk primary key (bank_code, period_end),
  constraint rp_liability_bank_fk foreign key (bank_code) references banks (bank_code)
);
