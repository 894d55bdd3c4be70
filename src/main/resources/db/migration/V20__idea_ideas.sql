-- Ideas and initiatives. unit_path is a copy of the unit's path for subtree filters (kept by UnitMoved).
create table idea (
    id                bigserial primary key,
    code              varchar(40)  not null unique,
    unit_id           bigint not null references org_unit (id),
    unit_path         varchar(2000) not null,
    year              integer not null check (year between 2000 and 2100),
    kind              varchar(20) not null,
    title             varchar(300) not null,
    summary           varchar(2000),
    problem           text,
    solution          text,
    novelty           text,
    benefits_other    varchar(1000),
    scope_where       varchar(1000),
    scope_when        varchar(1000),
    scope_conditions  varchar(2000),
    application_area  varchar(20),
    sector_field      varchar(20),
    target_group      varchar(20),
    video_links       varchar(2000),
    public_opt_out    boolean not null default false,
    status            varchar(20) not null,
    applied_where     varchar(1000),
    applied_since     date,
    applied_effect    text,
    portal_code       varchar(100),
    portal_url        varchar(1000),
    portal_posted_at  timestamptz,
    created_by        bigint not null references account (id),
    -- false when an officer typed the idea in for its authors: entering is not authorship
    created_by_author boolean not null default true,
    created_at        timestamptz not null default now(),
    submitted_at      timestamptz,
    updated_at        timestamptz not null default now(),
    version           bigint not null default 0
);
create index idea_unit_path_idx on idea (unit_path text_pattern_ops, year, status);
create index idea_year_status_idx on idea (year, status);
create index idea_created_by_idx on idea (created_by);
create index idea_public_idx on idea (status, year) where not public_opt_out;

create table idea_benefit (
    idea_id bigint not null references idea (id) on delete cascade,
    benefit varchar(30) not null,
    primary key (idea_id, benefit)
);

-- Authors: members of the roster (member_id, with the member's login copied to account_id so
-- "my ideas" needs no join to another module's table) or named people outside it.
create table idea_author (
    id          bigserial primary key,
    idea_id     bigint not null references idea (id) on delete cascade,
    position    integer not null,
    member_id   bigint,
    account_id  bigint,
    full_name   varchar(200) not null
);
create index idea_author_idea_idx on idea_author (idea_id);
create index idea_author_account_idx on idea_author (account_id) where account_id is not null;

-- Every state change: who, when, from → to, why.
create table idea_history (
    id          bigserial primary key,
    idea_id     bigint not null references idea (id) on delete cascade,
    at          timestamptz not null default now(),
    actor_id    bigint not null references account (id),
    actor_name  varchar(200) not null,
    step        varchar(30) not null,
    from_status varchar(20),
    to_status   varchar(20) not null,
    comment     text
);
create index idea_history_idea_idx on idea_history (idea_id, at);

-- The conversation between reviewers and authors, and internal notes authors never see.
create table idea_comment (
    id          bigserial primary key,
    idea_id     bigint not null references idea (id) on delete cascade,
    at          timestamptz not null default now(),
    author_id   bigint not null references account (id),
    author_name varchar(200) not null,
    internal    boolean not null,
    body        text not null
);
create index idea_comment_idea_idx on idea_comment (idea_id, at);

-- Readable codes: one counter per prefix (the unit code's first segment) and year.
create table idea_code_counter (
    prefix varchar(32) not null,
    year   integer not null,
    last   bigint not null,
    primary key (prefix, year)
);
