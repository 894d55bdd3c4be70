-- ShedLock: one row per scheduled job, so only one app node runs it at a time.
create table shedlock (
    name       varchar(64) primary key,
    lock_until timestamp not null,
    locked_at  timestamp not null,
    locked_by  varchar(255) not null
);

-- An office asks units for their implementation plan by a deadline. unit_path copies are kept by UnitMoved.
create table report_plan_request (
    id                    bigserial primary key,
    unit_id               bigint not null references org_unit (id),
    unit_path             varchar(2000) not null,
    title                 varchar(300) not null,
    year                  integer not null check (year between 2000 and 2100),
    deadline              date not null,
    instructions          text,
    guidance_file_name    varchar(255),
    guidance_content_type varchar(120),
    guidance_size_bytes   bigint,
    guidance_storage_key  varchar(64) unique,
    created_by            bigint not null references account (id),
    created_at            timestamptz not null default now(),
    version               bigint not null default 0
);
create index report_plan_request_path_idx on report_plan_request (unit_path text_pattern_ops, deadline);

-- One row per addressed unit; the latest submission is copied here for the status lists.
create table report_plan_target (
    id                bigserial primary key,
    request_id        bigint not null references report_plan_request (id),
    unit_id           bigint not null references org_unit (id),
    unit_path         varchar(2000) not null,
    submitted_at      timestamptz,
    first_submitted_at timestamptz,
    submission_count  integer not null default 0,
    version           bigint not null default 0,
    unique (request_id, unit_id)
);
create index report_plan_target_path_idx on report_plan_target (unit_path text_pattern_ops);

-- Every upload of a plan document; a resubmission adds a row, so the history stays.
create table report_plan_submission (
    id           bigserial primary key,
    target_id    bigint not null references report_plan_target (id),
    file_name    varchar(255) not null,
    content_type varchar(120) not null,
    size_bytes   bigint not null,
    sha256       varchar(64) not null,
    storage_key  varchar(64) not null unique,
    late         boolean not null,
    submitted_by bigint not null references account (id),
    submitted_by_name varchar(200) not null,
    submitted_at timestamptz not null default now()
);
create index report_plan_submission_target_idx on report_plan_submission (target_id, submitted_at);

-- Reminders recorded by the scheduled job: one per subject, unit, kind and day offset (idempotent).
create table report_reminder (
    id           bigserial primary key,
    subject_kind varchar(20) not null,
    subject_id   bigint not null,
    unit_id      bigint not null references org_unit (id),
    unit_path    varchar(2000) not null,
    kind         varchar(10) not null check (kind in ('BEFORE', 'AFTER')),
    day_offset   integer not null,
    deadline     date not null,
    due_on       date not null,
    created_at   timestamptz not null default now(),
    unique (subject_kind, subject_id, unit_id, kind, day_offset)
);
create index report_reminder_path_idx on report_reminder (unit_path text_pattern_ops);

-- Periodic reports (month, quarter, six months, year) of a unit, and the consolidated ones of a parent.
create table report_periodic (
    id             bigserial primary key,
    unit_id        bigint not null references org_unit (id),
    unit_path      varchar(2000) not null,
    period_kind    varchar(12) not null,
    period_year    integer not null check (period_year between 2000 and 2100),
    period_no      integer not null,
    consolidated   boolean not null default false,
    status         varchar(12) not null,
    results        text,
    good_models    text,
    difficulties   text,
    proposals      text,
    number_symbol  varchar(60),
    signer_name    varchar(200),
    place_name     varchar(200),
    return_comment varchar(2000),
    submitted_at   timestamptz,
    submitted_by   bigint references account (id),
    created_by     bigint not null references account (id),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        bigint not null default 0,
    unique (unit_id, period_kind, period_year, period_no)
);
create index report_periodic_path_idx on report_periodic (unit_path text_pattern_ops, period_kind, period_year, period_no);

-- Statistics snapshotted when a report is submitted (a draft shows live figures).
create table report_figure (
    report_id  bigint not null references report_periodic (id) on delete cascade,
    position   integer not null,
    grp        varchar(20) not null,
    label_key  varchar(120) not null,
    value      bigint not null,
    target     bigint,
    primary key (report_id, position)
);

-- Narratives of the children, copied into a consolidated report, grouped by unit.
create table report_child_part (
    report_id     bigint not null references report_periodic (id) on delete cascade,
    position      integer not null,
    child_unit_id bigint not null,
    unit_name     varchar(300) not null,
    results       text,
    good_models   text,
    difficulties  text,
    proposals     text,
    primary key (report_id, position)
);

-- Who changed a report's state, when, and why.
create table report_history (
    id          bigserial primary key,
    report_id   bigint not null references report_periodic (id),
    at          timestamptz not null default now(),
    actor_id    bigint not null references account (id),
    actor_name  varchar(200) not null,
    from_status varchar(12),
    to_status   varchar(12) not null,
    comment     varchar(2000)
);
create index report_history_report_idx on report_history (report_id, at);

-- A parent closed a period for its subtree before the automatic closing date.
create table report_period_closure (
    id          bigserial primary key,
    unit_id     bigint not null references org_unit (id),
    unit_path   varchar(2000) not null,
    period_kind varchar(12) not null,
    period_year integer not null,
    period_no   integer not null,
    closed_by   bigint not null references account (id),
    closed_at   timestamptz not null default now(),
    unique (unit_id, period_kind, period_year, period_no)
);
