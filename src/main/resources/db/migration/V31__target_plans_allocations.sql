-- Annual plans of a unit, their targets, allocations down the tree and the history of every change.
-- unit_path columns are copies of the unit's path (kept by UnitMoved), for subtree lookups.
create table target_plan (
    id                 bigserial primary key,
    unit_id            bigint not null references org_unit (id),
    unit_path          varchar(2000) not null,
    year               integer not null check (year between 2000 and 2100),
    -- refuse an allocation whose sum differs from the share being split (else accept and show the gap)
    refuse_mismatch    boolean not null default false,
    -- creativity criterion: weights (points) and the quota of proposed ideas per member
    w_ideas            integer not null check (w_ideas between 0 and 100),
    w_models           integer not null check (w_models between 0 and 100),
    w_contests         integer not null check (w_contests between 0 and 100),
    w_punctuality      integer not null check (w_punctuality between 0 and 100),
    ideas_per_member   numeric(8, 3) not null check (ideas_per_member > 0),
    created_by         bigint not null references account (id),
    created_at         timestamptz not null default now(),
    version            bigint not null default 0,
    unique (unit_id, year)
);
create index target_plan_path_idx on target_plan (year, unit_path text_pattern_ops);

-- One target of a plan. A CUSTOM target has a name, a unit of count and a counting rule over ideas
-- (comma-separated enum names; empty = any).
create table target_item (
    id           bigserial primary key,
    plan_id      bigint not null references target_plan (id) on delete cascade,
    kind         varchar(30) not null,
    name         varchar(200),
    count_unit   varchar(50),
    amount       bigint not null check (amount between 0 and 100000000),
    rule_statuses varchar(300),
    rule_kinds    varchar(300),
    rule_fields   varchar(300),
    rule_groups   varchar(300),
    position     integer not null default 0,
    version      bigint not null default 0
);
create index target_item_plan_idx on target_item (plan_id);
create unique index target_item_kind_uq on target_item (plan_id, kind) where kind <> 'CUSTOM';

-- The share of a target given to a unit below the plan's unit (a child, or a branch further down
-- when a unit splits its own share).
create table target_allocation (
    id         bigserial primary key,
    target_id  bigint not null references target_item (id) on delete cascade,
    unit_id    bigint not null references org_unit (id),
    unit_path  varchar(2000) not null,
    amount     bigint not null check (amount between 0 and 100000000),
    unique (target_id, unit_id)
);
create index target_allocation_path_idx on target_allocation (unit_path text_pattern_ops);

-- Every change of a target amount or of an allocation: who, when, old → new, why.
create table target_change (
    id          bigserial primary key,
    target_id   bigint not null references target_item (id) on delete cascade,
    unit_id     bigint not null references org_unit (id),
    at          timestamptz not null default now(),
    actor_id    bigint not null references account (id),
    actor_name  varchar(200) not null,
    old_amount  bigint,
    new_amount  bigint,
    reason      varchar(1000)
);
create index target_change_target_idx on target_change (target_id, at);
