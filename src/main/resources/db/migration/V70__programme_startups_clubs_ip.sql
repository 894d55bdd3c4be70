-- Module programme: startup projects, clubs and IP registrations (issue 7, part A).
-- unit_path is a copy of org_unit.path (rewritten on UnitMoved) so subtree lists and target counts
-- filter with one indexed LIKE on these tables.

create table programme_startup (
    id            bigserial primary key,
    unit_id       bigint not null references org_unit (id),
    unit_path     varchar(2000) not null,
    name          varchar(300) not null,
    field         varchar(200) not null,
    agriculture   boolean not null default false,
    stage         varchar(20) not null,
    -- team: one person per line (members and others)
    team          text,
    contact       varchar(300),
    revenue_band  varchar(20),
    jobs_created  integer check (jobs_created is null or jobs_created >= 0),
    amounts_public boolean not null default false,
    version       bigint not null default 0,
    created_at    timestamptz not null default now(),
    created_by    bigint references account (id)
);
create index programme_startup_path_idx on programme_startup (unit_path text_pattern_ops);

-- ideas linked to a startup (ids of the idea module, no foreign key across modules)
create table programme_startup_idea (
    startup_id bigint not null references programme_startup (id) on delete cascade,
    idea_id    bigint not null,
    primary key (startup_id, idea_id)
);

create table programme_startup_support (
    id          bigserial primary key,
    startup_id  bigint not null references programme_startup (id) on delete cascade,
    kind        varchar(20) not null,
    amount      numeric(15, 0) check (amount is null or amount >= 0),
    given_on    date not null,
    partner     varchar(300),
    note        varchar(1000),
    created_at  timestamptz not null default now(),
    created_by  bigint references account (id)
);
create index programme_startup_support_idx on programme_startup_support (startup_id, given_on);

create table programme_club (
    id            bigserial primary key,
    -- the host: a unit (school unions are units); a club never exists without one
    unit_id       bigint not null references org_unit (id),
    unit_path     varchar(2000) not null,
    name          varchar(300) not null,
    kind          varchar(20) not null,
    school        varchar(300),
    founded_on    date not null,
    decision_no   varchar(100),
    members       text,
    member_count  integer not null default 0 check (member_count >= 0),
    version       bigint not null default 0,
    created_at    timestamptz not null default now(),
    created_by    bigint references account (id)
);
create index programme_club_path_idx on programme_club (unit_path text_pattern_ops);

create table programme_club_activity (
    id          bigserial primary key,
    club_id     bigint not null references programme_club (id) on delete cascade,
    held_on     date not null,
    title       varchar(300) not null,
    attendance  integer not null check (attendance >= 0),
    created_at  timestamptz not null default now(),
    created_by  bigint references account (id)
);
create index programme_club_activity_idx on programme_club_activity (club_id, held_on);

create table programme_ip (
    id              bigserial primary key,
    unit_id         bigint not null references org_unit (id),
    unit_path       varchar(2000) not null,
    idea_id         bigint,
    startup_id      bigint references programme_startup (id),
    ip_type         varchar(20) not null,
    title           varchar(300) not null,
    applicant       varchar(300) not null,
    application_no  varchar(20),
    filed_on        date,
    status          varchar(20) not null,
    -- the support the union gave (null = none); supported_on dates it for the IP_SUPPORTED target
    union_support   varchar(1000),
    supported_on    date,
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    created_by      bigint references account (id),
    constraint programme_ip_support_check check ((union_support is null) = (supported_on is null))
);
create index programme_ip_path_idx on programme_ip (unit_path text_pattern_ops);

create table programme_ip_history (
    id           bigserial primary key,
    ip_id        bigint not null references programme_ip (id) on delete cascade,
    from_status  varchar(20),
    to_status    varchar(20) not null,
    note         varchar(1000),
    changed_at   timestamptz not null default now(),
    changed_by   bigint references account (id),
    -- the display name at the time, so the history reads without asking the account module
    changed_by_name varchar(200)
);
create index programme_ip_history_idx on programme_ip_history (ip_id, id);

create table programme_ip_deadline (
    id          bigserial primary key,
    ip_id       bigint not null references programme_ip (id) on delete cascade,
    label       varchar(300) not null,
    due_on      date not null,
    done        boolean not null default false,
    created_at  timestamptz not null default now(),
    created_by  bigint references account (id)
);
create index programme_ip_deadline_due_idx on programme_ip_deadline (due_on) where not done;

-- one reminder per deadline and day offset, however often the job runs
create table programme_ip_reminder (
    id           bigserial primary key,
    deadline_id  bigint not null references programme_ip_deadline (id) on delete cascade,
    day_offset   integer not null,
    due_on       date not null,
    created_at   timestamptz not null default now(),
    unique (deadline_id, day_offset)
);
