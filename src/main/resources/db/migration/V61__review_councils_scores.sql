-- Evaluation councils (hội đồng thẩm định), the ideas they evaluate, assignments, scores and their
-- history, declared conflicts, reminders and decisions. unit_path columns are copies kept by UnitMoved.
create table review_council (
    id                 bigserial primary key,
    unit_id            bigint not null references org_unit (id),
    unit_path          varchar(2000) not null,
    name               varchar(200) not null,
    year               integer not null check (year between 2000 and 2100),
    rubric_version_id  bigint not null references review_rubric_version (id),
    blind              boolean not null default false,
    normalise          boolean not null default false,
    threshold          numeric(6, 2) not null check (threshold between 0 and 100),
    per_idea           integer not null check (per_idea between 1 and 20),
    status             varchar(10) not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    created_by         bigint not null references account (id),
    created_at         timestamptz not null default now(),
    version            bigint not null default 0
);
create index review_council_path_idx on review_council (unit_path text_pattern_ops);

create table review_member (
    council_id      bigint not null references review_council (id) on delete cascade,
    account_id      bigint not null references account (id),
    display_name    varchar(200) not null,
    home_unit_path  varchar(2000),
    primary key (council_id, account_id)
);
create index review_member_account_idx on review_member (account_id);

-- An idea under evaluation, with a snapshot of what reviewers read (the idea is frozen while UNDER_REVIEW).
create table review_item (
    id                 bigserial primary key,
    council_id         bigint not null references review_council (id) on delete cascade,
    idea_id            bigint not null,
    idea_code          varchar(40) not null,
    title              varchar(500) not null,
    summary            text,
    solution           text,
    novelty            text,
    sector_field       varchar(40),
    unit_id            bigint not null,
    unit_path          varchar(2000) not null,
    unit_name          varchar(300) not null,
    authors            varchar(2000),
    author_account_id  bigint,
    decision           varchar(20),
    decision_reason    varchar(5000),
    decided_by         bigint references account (id),
    decided_at         timestamptz,
    version            bigint not null default 0,
    unique (council_id, idea_id)
);
create index review_item_path_idx on review_item (unit_path text_pattern_ops);

create table review_assignment (
    id               bigserial primary key,
    item_id          bigint not null references review_item (id) on delete cascade,
    council_id       bigint not null references review_council (id) on delete cascade,
    reviewer_id      bigint not null references account (id),
    assigned_by      bigint not null references account (id),
    assigned_at      timestamptz not null default now(),
    conflict_reason  varchar(2000),
    unique (item_id, reviewer_id)
);
create index review_assignment_reviewer_idx on review_assignment (reviewer_id, council_id);

-- One score row per assignment, optimistic locking by version; the values per criterion beside it.
create table review_score (
    id             bigserial primary key,
    assignment_id  bigint not null unique references review_assignment (id) on delete cascade,
    total          numeric(9, 4) not null,
    comment        varchar(5000),
    scored_at      timestamptz not null default now(),
    version        bigint not null default 0
);

create table review_score_value (
    score_id   bigint not null references review_score (id) on delete cascade,
    code       varchar(40) not null,
    value      integer not null,
    comment    varchar(2000),
    primary key (score_id, code)
);

-- Every score given and every change of it: who, when, what.
create table review_score_history (
    id             bigserial primary key,
    assignment_id  bigint not null references review_assignment (id) on delete cascade,
    actor_id       bigint not null references account (id),
    at             timestamptz not null default now(),
    score_values   varchar(2000) not null,
    total          numeric(9, 4) not null,
    comment        varchar(5000)
);
create index review_score_history_idx on review_score_history (assignment_id);

create table review_reminder (
    id           bigserial primary key,
    council_id   bigint not null references review_council (id) on delete cascade,
    reviewer_id  bigint not null references account (id),
    sent_by      bigint not null references account (id),
    sent_at      timestamptz not null default now(),
    pending      integer not null
);
create index review_reminder_idx on review_reminder (council_id, reviewer_id);
