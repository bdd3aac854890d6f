-- Bulk ledger for benchmarks: fills the canonical store of an EMPTY, migrated PostgreSQL database
-- (ledger V1-V4 + whatever else the app migrates) with set-based SQL, far faster than ingesting
-- packages. Called by benchmarks/bulk-ledger.sh, which documents the parameters:
--   :participants :services :banks :period (YYYY-MM, the last of 12 months of services)
--   :ledger (1: also write ledger_entries + chain_heads for the services and transactions; 0: not)
--   :seed (0..1, setseed)
-- What it is NOT: the product of the record engine. No staged rows, no used_refs, no
-- credited_services; the daily cap and storage cap are not applied (credited = weighted minutes);
-- the hash chain is NOT valid (prev_hash/entry_hash are md5-derived fillers: `verify` would name
-- the first entry). Shapes follow the spec (statuses, funding, verification, categories, sign
-- convention of §6) so that queries reading these tables see realistic volumes and distributions.
\set ON_ERROR_STOP on
select setseed(:seed);

-- Parameters as a one-row table, so every statement below reads the same values.
create temporary table bulk_params as
select :participants::int as participants,
       :services::bigint as services,
       :banks::int as banks,
       to_date(:'period' || '-01', 'YYYY-MM-DD') as period_start,
       (to_date(:'period' || '-01', 'YYYY-MM-DD') - interval '11 months')::date as window_start,
       (to_date(:'period' || '-01', 'YYYY-MM-DD') + interval '1 month')::date as window_end;

-- Banks: 3101NN-001, DURATION basis -------------------------------------------------------------
insert into banks (bank_code, name, region_code, status, registered_since, amount_basis,
                   coins_per_hour, imported_at)
select '31' || lpad((100 + b)::text, 4, '0') || '-001', 'Bench bank ' || b,
       '31' || lpad((100 + b)::text, 4, '0'), 'ACTIVE', date '2024-01-01', 'DURATION', null,
       timestamp '2024-01-01 00:00:00'
from bulk_params, generate_series(1, banks) as b;

create temporary table bulk_banks as
select row_number() over (order by bank_code) - 1 as bank_no, bank_code from banks;

-- Participants: participant i lives in bank i % banks with local number j = i / banks; the role
-- follows j % 10 (0-2 PROVIDER, 3-6 RECIPIENT, 7-9 BOTH), so services can pick a provider or a
-- recipient of a bank by arithmetic. person_key: 64 hex chars; certificates on half the providers.
insert into participants (bank_code, participant_ref, person_key, id_type, masked_id, name, gender,
                          birth_date, region_code, roles, registered_on, status, status_date,
                          lives_alone, low_income, disability_level, certificates, source_id,
                          updated_at)
select bb.bank_code,
       'P' || lpad((i / p.banks)::text, 8, '0'),
       md5('person' || i) || md5('key' || i),
       'ID_CARD', '310101********' || lpad((i % 10000)::text, 4, '0'),
       'Bench ' || i,
       case when i % 2 = 0 then 'F' else 'M' end,
       date '1940-01-01' + (i % 20000),
       substr(bb.bank_code, 1, 6),
       case when (i / p.banks) % 10 < 3 then 'PROVIDER'
            when (i / p.banks) % 10 < 7 then 'RECIPIENT' else 'BOTH' end,
       p.window_start - (i % 900),
       'ACTIVE', null,
       case when i % 7 = 0 then 'Y' else 'N' end,
       case when i % 5 = 0 then 'Y' else 'N' end,
       i % 5,
       case when (i / p.banks) % 10 in (0, 1, 2, 7, 8, 9) and i % 2 = 0
            then (array['CARE_BASIC', 'CARE_BASIC;FIRST_AID', 'NURSING_LICENSE;CARE_BASIC',
                        'FIRST_AID'])[1 + (i / 2) % 4]
       end,
       'BULK', timestamp '2026-01-01 00:00:00'
from bulk_params p
cross join generate_series(0, p.participants - 1) as i
join bulk_banks bb on bb.bank_no = i % p.banks;

-- Per bank: how many groups of ten local numbers it has (providers: j%10 in 0,1,2,7,8,9;
-- recipients: 3..9).
create temporary table bulk_bank_sizes as
select bb.bank_no, bb.bank_code, count(*) as members, greatest(count(*) / 10, 1) as tens
from bulk_banks bb join participants pa on pa.bank_code = bb.bank_code
group by bb.bank_no, bb.bank_code;

-- Ordinary services -------------------------------------------------------------------------------
-- Service i: bank i % banks; provider and recipient drawn with a mild skew (some serve much more);
-- start uniformly over the 12 months, 08:00-19:45 on a quarter hour; 30-180 minutes;
-- status ~90 % COMPLETED, 4 % CANCELLED, 2 % NO_SHOW_PROVIDER, 2.5 % NO_SHOW_RECIPIENT,
-- 1.5 % DISPUTED; funding 65 % ISSUED, 28 % BALANCE, 7 % POOL; rating on ~70 % of completed ones
-- (mostly 5 and 4); recorded 0-5 days after the end (~0.5 % 8-20 days: lag findings).
insert into services (bank_code, service_ref, source_id, current_flag, provider_ref, provider_key,
                      recipient_ref, local_category, unified_category, start_at, end_at,
                      local_amount, funding, status, verification, rating, location_region,
                      recorded_at, standard_version, time_band, actual_minutes, billable_minutes,
                      weighted_minutes, credited_minutes, result_codes, file_name, line_no,
                      received_at)
select x.bank_code, x.service_ref, x.source_id, 'Y', x.provider_ref, pa.person_key,
       x.recipient_ref, x.category, x.category, x.start_at,
       x.start_at + make_interval(mins => x.minutes), null, x.funding, x.status, x.verification,
       x.rating, substr(x.bank_code, 1, 6), x.start_at + make_interval(mins => x.minutes) + x.lag,
       'TBHS-2024.1', 'DAY', x.minutes, x.minutes, x.weighted,
       case when x.status = 'COMPLETED' then x.weighted else 0 end,
       null, 'services.csv', x.i, x.received_at
from (
  select r.i, r.bank_code,
         'S' || lpad(r.i::text, 10, '0') as service_ref,
         r.bank_code || '_' || to_char(start_at, 'YYYY-MM') || '_1' as source_id,
         'P' || lpad((r.prov_ten * 10 + r.prov_unit)::text, 8, '0') as provider_ref,
         null::char(64) as provider_key,
         'P' || lpad((case when r.rec_ten * 10 + r.rec_unit = r.prov_ten * 10 + r.prov_unit
                           then (r.rec_ten + 1) % r.tens else r.rec_ten end * 10
                      + r.rec_unit)::text, 8, '0') as recipient_ref,
         cat.code as category,
         start_at,
         (30 + 15 * floor(r.r_len * 11))::int as minutes,
         round((30 + 15 * floor(r.r_len * 11)) * cat.weight)::int as weighted,
         case when r.r_fund < 0.65 then 'ISSUED' when r.r_fund < 0.93 then 'BALANCE'
              else 'POOL' end as funding,
         case when r.r_status < 0.90 then 'COMPLETED' when r.r_status < 0.94 then 'CANCELLED'
              when r.r_status < 0.96 then 'NO_SHOW_PROVIDER'
              when r.r_status < 0.985 then 'NO_SHOW_RECIPIENT' else 'DISPUTED' end as status,
         (array['SIGN_IN_OUT', 'TWO_PARTY', 'SUPERVISOR', 'PAPER'])[1 + r.i % 4] as verification,
         case when r.r_status < 0.90 and r.r_rating < 0.70
              then (array[5, 5, 5, 5, 4, 4, 3, 5, 4, 2])[1 + floor(r.r_rating / 0.07)::int] end
           as rating,
         case when r.r_lag < 0.005 then make_interval(days => 8 + floor(r.r_lag * 2400)::int)
              else make_interval(mins => floor(r.r_lag * 7200)::int) end as lag,
         (date_trunc('month', start_at) + interval '1 month 3 days')::timestamp as received_at
  from (
select i,
       s.bank_code,
       s.tens,
       p.window_start,
       p.window_end,
       floor(power(random(), 1.6) * s.tens)::bigint as prov_ten,
       (array[0, 1, 2, 7, 8, 9])[1 + floor(random() * 6)::int] as prov_unit,
       floor(random() * s.tens)::bigint as rec_ten,
       3 + floor(random() * 7)::int as rec_unit,
       random() as r_day, random() as r_time, random() as r_len, random() as r_status,
       random() as r_fund, random() as r_rating, random() as r_cat, random() as r_lag
from bulk_params p
cross join generate_series(1, p.services) as i
join bulk_bank_sizes s on s.bank_no = i % p.banks
  ) r
  cross join lateral (
    select r.window_start
           + make_interval(days => floor(r.r_day * (r.window_end - r.window_start))::int)
           + make_interval(mins => 480 + 15 * floor(r.r_time * 48)::int) as start_at) t
  cross join lateral (
    select code, weight from (values
      (0, 'LIVING_ASSIST', 1.0), (1, 'LIVING_ASSIST', 1.0), (2, 'PERSONAL_CARE', 1.5),
      (3, 'MEDICAL_ESCORT', 1.2), (4, 'EMOTIONAL_SUPPORT', 1.0), (5, 'ERRANDS', 1.0),
      (6, 'SAFETY_VISIT', 1.0), (7, 'CULTURE_RECREATION', 0.8), (8, 'HEALTH_EDUCATION', 1.0),
      (9, 'TECH_HELP', 1.0)) c(n, code, weight)
    where c.n = floor(r.r_cat * 10)::int) cat
) x
join participants pa on pa.bank_code = x.bank_code and pa.participant_ref = x.provider_ref;

-- Corrections: 1 % of services have an earlier, superseded version (current_flag 'N').
insert into services (bank_code, service_ref, source_id, current_flag, provider_ref, provider_key,
                      recipient_ref, local_category, unified_category, start_at, end_at,
                      local_amount, funding, status, verification, rating, location_region,
                      recorded_at, standard_version, time_band, actual_minutes, billable_minutes,
                      weighted_minutes, credited_minutes, result_codes, file_name, line_no,
                      received_at)
select bank_code, service_ref, source_id || '_orig', 'N', provider_ref, provider_key, recipient_ref,
       local_category, unified_category, start_at, end_at - interval '15 minutes', local_amount,
       funding, status, verification, rating, location_region, recorded_at, standard_version,
       time_band, actual_minutes - 15, billable_minutes - 15, weighted_minutes - 15,
       greatest(credited_minutes - 15, 0), null, file_name, line_no, received_at
from services
where current_flag = 'Y' and line_no % 100 = 0 and actual_minutes > 30;

-- Planted patterns in the period (per bank, among BOTH members: j % 10 = 7, 8, 9) -------------------
-- RECIPROCAL (A303): 10 pairs per bank, 3 services of 120 minutes each way.
-- CYCLE (A304): 10 rings A->B->C->A per bank, one 90-minute service per edge within 10 days.
create temporary table bulk_plants as
select s.bank_code, s.tens, k
from bulk_bank_sizes s cross join generate_series(0, 9) as k
where s.tens >= 40;

insert into services (bank_code, service_ref, source_id, current_flag, provider_ref, provider_key,
                      recipient_ref, local_category, unified_category, start_at, end_at,
                      funding, status, verification, rating, location_region, recorded_at,
                      standard_version, time_band, actual_minutes, billable_minutes,
                      weighted_minutes, credited_minutes, file_name, line_no, received_at)
select pl.bank_code, 'RP' || pl.k || '_' || d.dir || '_' || n, pl.bank_code || '_planted_1', 'Y',
       'P' || lpad(((pl.tens - 1 - pl.k) * 10 + case when d.dir = 0 then 7 else 8 end)::text, 8, '0'),
       null,
       'P' || lpad(((pl.tens - 1 - pl.k) * 10 + case when d.dir = 0 then 8 else 7 end)::text, 8, '0'),
       'EMOTIONAL_SUPPORT', 'EMOTIONAL_SUPPORT', t, t + interval '120 minutes',
       'ISSUED', 'COMPLETED', 'PAPER', 5, substr(pl.bank_code, 1, 6), t + interval '1 day',
       'TBHS-2024.1', 'DAY', 120, 120, 120, 120, 'services.csv', 0,
       p.period_start + interval '1 month 3 days'
from bulk_plants pl cross join bulk_params p
cross join (values (0), (1)) d(dir)
cross join generate_series(1, 3) as n
cross join lateral (select p.period_start + make_interval(days => 2 * n + d.dir, hours => 9) as t) tt;

insert into services (bank_code, service_ref, source_id, current_flag, provider_ref, provider_key,
                      recipient_ref, local_category, unified_category, start_at, end_at,
                      funding, status, verification, rating, location_region, recorded_at,
                      standard_version, time_band, actual_minutes, billable_minutes,
                      weighted_minutes, credited_minutes, file_name, line_no, received_at)
select pl.bank_code, 'CY' || pl.k || '_' || e, pl.bank_code || '_planted_1', 'Y',
       'P' || lpad(((pl.tens - 11 - pl.k) * 10 + 7 + e)::text, 8, '0'), null,
       'P' || lpad(((pl.tens - 11 - pl.k) * 10 + 7 + (e + 1) % 3)::text, 8, '0'),
       'ERRANDS', 'ERRANDS', t, t + interval '90 minutes',
       'ISSUED', 'COMPLETED', 'SIGN_IN_OUT', 4, substr(pl.bank_code, 1, 6), t + interval '1 day',
       'TBHS-2024.1', 'DAY', 90, 90, 90, 90, 'services.csv', 0,
       p.period_start + interval '1 month 3 days'
from bulk_plants pl cross join bulk_params p
cross join generate_series(0, 2) as e
cross join lateral (select p.period_start + make_interval(days => 12 + 4 * e, hours => 14) as t) tt;

update services s set provider_key = pa.person_key
from participants pa
where s.provider_key is null
  and pa.bank_code = s.bank_code and pa.participant_ref = s.provider_ref;

-- Transactions: per bank per month, one GIFT per 200 participants and a TRANSFER_OUT/TRANSFER_IN pair
-- (same person key, next bank) per 500 participants. ---------------------------------------------------
insert into transactions (bank_code, txn_ref, source_id, current_flag, txn_type, participant_ref,
                          counterparty_ref, counterparty_bank, standard_minutes, occurred_at,
                          reverses_ref, note, result_codes, file_name, line_no, received_at)
select s.bank_code, 'G' || m || '_' || g, s.bank_code || '_' || to_char(month_start, 'YYYY-MM') || '_1',
       'Y', 'GIFT', 'P' || lpad((g * 10 + 7)::text, 8, '0'), 'P' || lpad((g * 10 + 3)::text, 8, '0'),
       null, 60 + 30 * (g % 4), month_start + make_interval(days => (g % 27)::int, hours => 10), null, null,
       null, 'transactions.csv', g, month_start + interval '1 month 3 days'
from bulk_bank_sizes s cross join bulk_params p
cross join generate_series(0, 11) as m
cross join lateral (select (p.window_start + make_interval(months => m))::timestamp as month_start) ms
cross join generate_series(0, greatest(s.members / 200, 1) - 1) as g;

create temporary table bulk_transfers as
select s.bank_code as from_bank, nb.bank_code as to_bank, m, g, month_start,
       'P' || lpad((g * 10 + 9)::text, 8, '0') as ref
from bulk_bank_sizes s cross join bulk_params p
join bulk_bank_sizes nb on nb.bank_no = (s.bank_no + 1) % p.banks
cross join generate_series(0, 11) as m
cross join lateral (select (p.window_start + make_interval(months => m))::timestamp as month_start) ms
cross join generate_series(0, greatest(s.members / 500, 1) - 1) as g
where p.banks > 1;

insert into transactions (bank_code, txn_ref, source_id, current_flag, txn_type, participant_ref,
                          counterparty_ref, counterparty_bank, standard_minutes, occurred_at,
                          reverses_ref, note, result_codes, file_name, line_no, received_at)
select from_bank, 'TO' || m || '_' || g, from_bank || '_' || to_char(month_start, 'YYYY-MM') || '_1',
       'Y', 'TRANSFER_OUT', ref, null, to_bank, 120, month_start + make_interval(days => (g % 27)::int, hours => 11),
       null, null, null, 'transactions.csv', g, month_start + interval '1 month 3 days'
from bulk_transfers
union all
select to_bank, 'TI' || m || '_' || g, to_bank || '_' || to_char(month_start, 'YYYY-MM') || '_1',
       'Y', 'TRANSFER_IN', ref, null, from_bank, 120, month_start + make_interval(days => (g % 27)::int, hours => 15),
       null, null, null, 'transactions.csv', g, month_start + interval '1 month 3 days'
from bulk_transfers;

create temporary table bulk_month_services as
select bank_code, date_trunc('month', start_at) as month_start, count(*) as n
from services where current_flag = 'Y' group by 1, 2;
create temporary table bulk_month_txns as
select bank_code, date_trunc('month', occurred_at) as month_start, count(*) as n
from transactions group by 1, 2;

-- Packages: one accepted package per bank and month, due the 10th of the next month 23:59:59
-- Shanghai (15:59:59 UTC), received on the 3rd (one bank in eight late by two days). -------------
insert into packages (package_id, sha256, bank_code, report_month, seq_no, received_at, due_at,
                      late, status, archive_path, receipt_json)
select pid, md5(pid) || md5(pid || 'x'), bank_code, month, 1,
       case when late then due + interval '2 days' else due - interval '7 days' end, due,
       case when late then 'Y' else 'N' end, 'ACPT', null,
       '{"package_id":"' || pid || '","bank_code":"' || bank_code || '","period":"' || month
         || '","sequence":1,"late":' || late || ',"status":"ACPT","counts":{"files":{'
         || '"participants.csv":{"read":' || members || ',"accepted":' || members || ',"rejected":0},'
         || '"services.csv":{"read":' || svc || ',"accepted":' || svc || ',"rejected":0},'
         || '"transactions.csv":{"read":' || txn || ',"accepted":' || txn || ',"rejected":0}'
         || '},"codes":{}},"rejected":[],"warnings":[]}'
from (
  select s.bank_code, s.members, to_char(ms, 'YYYY-MM') as month,
         s.bank_code || '_' || to_char(ms, 'YYYY-MM') || '_1' as pid,
         (ms + interval '1 month 9 days 15 hours 59 minutes 59 seconds')::timestamp as due,
         s.bank_no % 8 = 7 as late,
         coalesce(sv.n, 0) as svc, coalesce(tx.n, 0) as txn
  from bulk_bank_sizes s cross join bulk_params p
  cross join generate_series(0, 11) as m
  cross join lateral (select (p.window_start + make_interval(months => m))::timestamp as ms) x
  left join bulk_month_services sv on sv.bank_code = s.bank_code and sv.month_start = x.ms
  left join bulk_month_txns tx on tx.bank_code = s.bank_code and tx.month_start = x.ms
) pk;

-- The ledger (optional): each COMPLETED current service with credit posts funding side -credited,
-- provider +credited (spec §6); GIFT giver -/receiver +; TRANSFER_OUT participant -/CLEARING +;
-- TRANSFER_IN CLEARING -/participant +. Key <bank>/<S|T>/<ref>/1 as ingestion's EffectsBuilder.
-- chain_seq in (posted_at, key) order per bank; hashes are fillers (the chain does not verify).
\if :ledger
create temporary table bulk_postings as
select bank_code, 'SERVICE' as entry_kind, 'S' as kind, service_ref as ref, source_id,
       recorded_at as posted_at,
       case funding when 'ISSUED' then 'ISSUANCE' when 'POOL' then 'POOL' else 'PARTICIPANT' end
         as debit_kind,
       case when funding = 'BALANCE' then recipient_ref end as debit_ref,
       'PARTICIPANT' as credit_kind, provider_ref as credit_ref, credited_minutes as minutes
from services where current_flag = 'Y' and status = 'COMPLETED' and credited_minutes > 0
union all
select bank_code, 'TRANSACTION', 'T', txn_ref, source_id, occurred_at,
       'PARTICIPANT', participant_ref,
       case when txn_type = 'TRANSFER_OUT' then 'CLEARING' else 'PARTICIPANT' end,
       case when txn_type = 'TRANSFER_OUT' then null else counterparty_ref end, standard_minutes
from transactions where txn_type in ('GIFT', 'TRANSFER_OUT')
union all
select bank_code, 'TRANSACTION', 'T', txn_ref, source_id, occurred_at,
       'CLEARING', null, 'PARTICIPANT', participant_ref, standard_minutes
from transactions where txn_type = 'TRANSFER_IN';

create temporary table bulk_numbered as
select b.*, bank_code || '/' || kind || '/' || ref || '/1' as idem,
       2 * row_number() over (partition by bank_code order by posted_at, kind, ref) - 1 as seq
from bulk_postings b;
drop table bulk_postings;

insert into ledger_entries (bank_code, chain_seq, posting_id, line_no, account_kind,
                            participant_ref, amount_minutes, entry_kind, source_ref, source_id,
                            idempotency_key, posted_at, prev_hash, entry_hash)
select bank_code, seq + l.n - 1, seq, l.n,
       case when l.n = 1 then debit_kind else credit_kind end,
       case when l.n = 1 then debit_ref else credit_ref end,
       case when l.n = 1 then -minutes else minutes end,
       entry_kind, ref, source_id, idem, posted_at,
       md5(idem || (l.n - 1)) || md5('p' || idem || (l.n - 1)),
       md5(idem || l.n) || md5('p' || idem || l.n)
from bulk_numbered cross join (values (1), (2)) l(n);
drop table bulk_numbered;

insert into chain_heads (bank_code, last_seq, last_hash, updated_at)
select distinct on (bank_code) bank_code, chain_seq, entry_hash, timestamp '2026-01-01 00:00:00'
from ledger_entries order by bank_code, chain_seq desc;
\endif

analyze banks;
analyze participants;
analyze services;
analyze transactions;
analyze packages;
\if :ledger
analyze ledger_entries;
\endif

select (select count(*) from banks) as banks,
       (select count(*) from participants) as participants,
       (select count(*) from services) as service_rows,
       (select count(*) from services where current_flag = 'Y') as current_services,
       (select count(*) from transactions) as transactions,
       (select count(*) from packages) as packages,
       (select count(*) from ledger_entries) as ledger_entries;
