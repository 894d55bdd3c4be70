-- The organisation tree. path = ids from the root down, each closed by '/': '/1/7/42/'.
-- A subtree is "path LIKE '/1/7/%'", served by the text_pattern_ops index.
create sequence org_unit_seq;

create table org_unit (
    id           bigint primary key,
    code         varchar(32)  not null,
    name         varchar(200) not null,
    level_name   varchar(100) not null,
    kind         varchar(20)  not null,
    parent_id    bigint references org_unit (id),
    path         varchar(2000) not null,
    depth        integer not null,
    member_count integer not null default 0 check (member_count >= 0),
    active       boolean not null default true,
    version      bigint  not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);

create unique index org_unit_code_uq on org_unit (upper(code));
create unique index org_unit_path_uq on org_unit (path text_pattern_ops);
create index org_unit_parent_idx on org_unit (parent_id);
