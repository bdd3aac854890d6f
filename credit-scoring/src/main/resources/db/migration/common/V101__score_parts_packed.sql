-- The parts of a score in one row instead of one cs_score_parts row per characteristic: the
-- scoring job wrote about 7 part rows for every score (7.1 million at 1,000,000 participants), the
-- largest share of its writes. packed_parts holds every characteristic of the score in scorecard
-- order (char_no = position): name, value, bin, partial points, baseline points, reason code;
-- fields separated by '|', characteristics by ';', '\' escaping '\', '|' and ';', '\N' for a
-- missing value (cn.timebank.scoring.store.PackedParts). Points have two decimals, as the
-- numeric(9, 2) columns of cs_score_parts.
--
-- cs_score_parts stays: rows written before this version are still read (and a rerun of their
-- period replaces them); new scores are written here only.

create table cs_score_part_sets (
  score_period    varchar(7)    not null,
  card_version    varchar(40)   not null,
  bank_code       varchar(10)   not null,
  participant_ref varchar(64)   not null,
  packed_parts    varchar(4000) not null,
  constraint cs_score_part_sets_pk
    primary key (score_period, card_version, bank_code, participant_ref)
);
