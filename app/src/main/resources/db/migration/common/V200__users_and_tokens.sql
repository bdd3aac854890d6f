-- Who may see what (README, Access and security): the local users and their personal access
-- tokens. Portable like the ledger's V1 (ledger/README.md): names <= 30 chars, no reserved words,
-- NUMERIC/VARCHAR/TIMESTAMP only. Versions >= 200 belong to the app.

-- One row per local user: its role and, for a civil affairs reviewer, its region-code prefix.
create table tb_users (
  user_name      varchar(64)  not null,
  role_name      varchar(30)  not null,
  password_hash  varchar(200) not null,
  region_prefix  varchar(6),
  created_at     timestamp    not null,
  constraint tb_users_pk primary key (user_name),
  constraint tb_users_role_ck check (role_name in
    ('BANK_OPERATOR', 'CIVIL_AFFAIRS_REVIEWER', 'POLICYMAKER', 'ADMIN'))
);

-- The bank codes a bank operator works for.
create table tb_user_banks (
  user_name  varchar(64) not null,
  bank_code  varchar(10) not null,
  constraint tb_user_banks_pk primary key (user_name, bank_code),
  constraint tb_user_banks_user_fk foreign key (user_name) references tb_users (user_name)
);

-- Personal access tokens: only the SHA-256 of the token is kept (hex), never the token itself.
create table tb_tokens (
  token_id    varchar(20) not null,
  user_name   varchar(64) not null,
  token_hash  varchar(64) not null,
  created_at  timestamp   not null,
  expires_at  timestamp   not null,
  revoked_at  timestamp,
  constraint tb_tokens_pk primary key (token_id),
  constraint tb_tokens_hash_uq unique (token_hash),
  constraint tb_tokens_user_fk foreign key (user_name) references tb_users (user_name)
);
