create table account (
    id                  bigserial primary key,
    username            varchar(64)  not null,
    display_name        varchar(200) not null,
    email               varchar(254),
    password_hash       varchar(200) not null,
    kind                varchar(10)  not null,
    unit_id             bigint references org_unit (id),
    enabled             boolean not null default true,
    locale              varchar(8),
    password_changed_at timestamptz not null default now(),
    last_login_at       timestamptz,
    version             bigint not null default 0,
    created_at          timestamptz not null default now()
);
create unique index account_username_uq on account (lower(username));
create index account_unit_idx on account (unit_id);

-- A role held at a unit covers its whole subtree; unit_id null = system-wide (administrators only).
create table role_binding (
    id         bigserial primary key,
    account_id bigint not null references account (id) on delete cascade,
    role       varchar(20) not null,
    unit_id    bigint references org_unit (id),
    created_at timestamptz not null default now(),
    created_by bigint references account (id),
    constraint role_binding_system_wide_admin_only check (unit_id is not null or role = 'ADMIN')
);
create unique index role_binding_uq on role_binding (account_id, role, coalesce(unit_id, 0));
create index role_binding_unit_idx on role_binding (unit_id);

-- Personal API tokens: only a SHA-256 of the secret is kept.
create table api_token (
    id           bigserial primary key,
    account_id   bigint not null references account (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   varchar(64) not null unique,
    token_prefix varchar(16) not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_account_idx on api_token (account_id);

-- Failed sign-ins by username and by client address, shared by every app node.
create table login_throttle (
    throttle_key varchar(300) primary key,
    failures     integer not null,
    window_start timestamptz not null,
    locked_until timestamptz
);
