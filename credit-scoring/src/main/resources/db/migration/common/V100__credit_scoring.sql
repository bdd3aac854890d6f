-- credit-scoring's own tables (prefix cs_). Portable like V1 (see ledger/README.md): no reserved
-- words as names, identifiers <= 30 chars, NUMERIC(p) instead of BIGINT, CHAR(1) flags. Versions
-- >= 100 so they never collide with the ledger's. Nothing here references a ledger table by a
-- foreign key: scoring reads the ledger, it never constrains it.
--
-- Every result is kept per period (YYYY-MM) and per version of the data it came from (scorecard,
-- findings rules, rating rules): a rerun replaces that period+version's rows, other periods and
-- versions stay (history).

-- Scores: one row per participant, period and scorecard version ------------------------------

create table cs_scores (
  score_period    varchar(7)    not null,
  card_version    varchar(40)   not null,
  subject         varchar(10)   not null,
  bank_code       varchar(10)   not null,
  participant_ref varchar(64)   not null,
  total_points    numeric(9, 2) not null,
  score           numeric(4)    not null,
  grade           varchar(4)    not null,
  constraint cs_scores_pk
    primary key (score_period, card_version, bank_code, participant_ref),
  constraint cs_scores_subject_ck check (subject in ('PROVIDER', 'RECIPIENT'))
);

create index cs_scores_participant_ix on cs_scores (bank_code, participant_ref, score_period);

-- One row per characteristic of a score: its value (text; null when missing), the bin it fell
-- in, its partial score and the characteristic's baseline (for the reason codes).
create table cs_score_parts (
  score_period    varchar(7)    not null,
  card_version    varchar(40)   not null,
  bank_code       varchar(10)   not null,
  participant_ref varchar(64)   not null,
  char_no         numeric(3)    not null,
  char_name       varchar(40)   not null,
  char_value      varchar(40),
  bin_label       varchar(40)   not null,
  partial_points  numeric(9, 2) not null,
  baseline_points numeric(9, 2) not null,
  reason_code     varchar(20)   not null,
  constraint cs_score_parts_pk
    primary key (score_period, card_version, bank_code, participant_ref, char_no)
);

-- The top reason codes of a score (PMML 4.4 "pointsBelow"), ranked 1..4.
create table cs_score_reasons (
  score_period    varchar(7)    not null,
  card_version    varchar(40)   not null,
  bank_code       varchar(10)   not null,
  participant_ref varchar(64)   not null,
  reason_rank     numeric(2)    not null,
  reason_code     varchar(20)   not null,
  reason_points   numeric(9, 2) not null,
  constraint cs_score_reasons_pk
    primary key (score_period, card_version, bank_code, participant_ref, reason_rank)
);

-- Anomaly findings A301-A307: one row per finding, with the participants and records it names --

create table cs_findings (
  score_period  varchar(7)   not null,
  rules_version varchar(40)  not null,
  finding_no    numeric(9)   not null,
  finding_code  char(4)      not null,
  bank_code     varchar(10)  not null,
  detail        varchar(500) not null,
  constraint cs_findings_pk primary key (score_period, rules_version, finding_no)
);

create table cs_finding_parties (
  score_period    varchar(7)  not null,
  rules_version   varchar(40) not null,
  finding_no      numeric(9)  not null,
  party_no        numeric(4)  not null,
  bank_code       varchar(10) not null,
  participant_ref varchar(64) not null,
  constraint cs_finding_parties_pk
    primary key (score_period, rules_version, finding_no, party_no)
);

create index cs_finding_parties_ix
  on cs_finding_parties (bank_code, participant_ref, score_period);

create table cs_finding_records (
  score_period  varchar(7)  not null,
  rules_version varchar(40) not null,
  finding_no    numeric(9)  not null,
  record_no     numeric(6)  not null,
  bank_code     varchar(10) not null,
  record_kind   varchar(11) not null,
  record_ref    varchar(64) not null,
  constraint cs_finding_records_pk
    primary key (score_period, rules_version, finding_no, record_no)
);

-- Bank compliance ratings: the five criteria (0-100), the weighted total and the grade, with the
-- figures each criterion came from.
create table cs_bank_ratings (
  score_period     varchar(7)    not null,
  rating_version   varchar(40)   not null,
  bank_code        varchar(10)   not null,
  punctuality      numeric(5, 2) not null,
  completeness     numeric(5, 2) not null,
  accuracy         numeric(5, 2) not null,
  stability        numeric(5, 2) not null,
  plausibility     numeric(5, 2) not null,
  total_score      numeric(5, 2) not null,
  grade            char(1)       not null,
  delivered_flag   char(1)       not null,
  days_late        numeric(5)    not null,
  files_expected   numeric(3)    not null,
  files_delivered  numeric(3)    not null,
  records_read     numeric(12)   not null,
  records_rejected numeric(12)   not null,
  records_accepted numeric(12)   not null,
  records_named    numeric(12)   not null,
  corrections      numeric(5)    not null,
  constraint cs_bank_ratings_pk primary key (score_period, rating_version, bank_code),
  constraint cs_bank_ratings_grade_ck check (grade in ('A', 'B', 'C', 'D')),
  constraint cs_bank_ratings_deliv_ck check (delivered_flag in ('Y', 'N'))
);

-- Population stability of each scorecard's scores between a period and the one before, per bank
-- and overall (bank_code 'ALL').
create table cs_psi (
  score_period  varchar(7)     not null,
  card_version  varchar(40)    not null,
  bank_code     varchar(10)    not null,
  base_period   varchar(7)     not null,
  base_count    numeric(9)     not null,
  actual_count  numeric(9)     not null,
  psi           numeric(12, 6) not null,
  band          varchar(12)    not null,
  constraint cs_psi_pk primary key (score_period, card_version, bank_code),
  constraint cs_psi_band_ck check (band in ('STABLE', 'INVESTIGATE', 'SHIFTED'))
);
