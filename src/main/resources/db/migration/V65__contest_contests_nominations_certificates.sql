-- Contests (hội thi) organised by an office's unit; unit_path copies are kept current by UnitMoved.
create table contest (
    id                   bigserial primary key,
    unit_id              bigint not null references org_unit (id),
    unit_path            varchar(2000) not null,
    kind                 varchar(40) not null,
    name                 varchar(300) not null,
    year                 integer not null check (year between 2000 and 2100),
    target_groups        varchar(500) not null default '',
    min_age              integer check (min_age between 0 and 120),
    max_age              integer check (max_age between 0 and 120),
    sector_fields        varchar(500) not null default '',
    nomination_opens     date not null,
    nomination_closes    date not null,
    default_quota        integer not null check (default_quota between 0 and 1000),
    status               varchar(20) not null,
    results_published_at timestamptz,
    created_by           bigint not null references account (id),
    created_at           timestamptz not null default now(),
    version              bigint not null default 0,
    check (nomination_closes >= nomination_opens),
    check (min_age is null or max_age is null or min_age <= max_age)
);
create index contest_path_idx on contest (unit_path text_pattern_ops, year);

-- Per-unit quota overrides of a contest's default quota.
create table contest_quota (
    contest_id bigint not null references contest (id),
    unit_id    bigint not null references org_unit (id),
    quota      integer not null check (quota between 0 and 1000),
    primary key (contest_id, unit_id)
);

-- An entry: an idea nominated by a unit (whose quota it uses). Title, code and authors are copied at
-- nomination time, so results and certificates never read another module's tables.
create table contest_nomination (
    id             bigserial primary key,
    contest_id     bigint not null references contest (id),
    idea_id        bigint not null,
    idea_code      varchar(40) not null,
    idea_title     varchar(300) not null,
    authors        varchar(1000) not null,
    unit_id        bigint not null references org_unit (id),
    unit_path      varchar(2000) not null,
    unit_name      varchar(300) not null,
    nominated_by   bigint not null references account (id),
    nominated_at   timestamptz not null default now(),
    award_tier     varchar(20),
    award_name     varchar(120),
    version        bigint not null default 0,
    unique (contest_id, idea_id)
);
create index contest_nomination_contest_idx on contest_nomination (contest_id, unit_id);
create index contest_nomination_path_idx on contest_nomination (unit_path text_pattern_ops);

-- A certificate (giấy chứng nhận) of an award, issued when the results are published.
create table contest_certificate (
    id             bigserial primary key,
    nomination_id  bigint not null unique references contest_nomination (id),
    code           varchar(40) not null unique,
    recipient      varchar(1000) not null,
    award_label    varchar(120) not null,
    contest_name   varchar(300) not null,
    idea_title     varchar(300) not null,
    unit_name      varchar(300) not null,
    issued_at      timestamptz not null default now()
);

-- Who did what to a contest and its entries.
create table contest_history (
    id            bigserial primary key,
    contest_id    bigint not null references contest (id),
    nomination_id bigint,
    at            timestamptz not null default now(),
    actor_id      bigint not null references account (id),
    actor_name    varchar(200) not null,
    action        varchar(40) not null,
    detail        varchar(500)
);
create index contest_history_contest_idx on contest_history (contest_id, at);
