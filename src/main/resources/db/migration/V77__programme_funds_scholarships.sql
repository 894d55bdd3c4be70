-- Module programme: funds and scholarships (quỹ, học bổng) and their awards (issue 7, part B).
-- A programme belongs to a unit (unit_path: a copy of org_unit.path, rewritten on UnitMoved).
create table programme_fund (
    id           bigserial primary key,
    unit_id      bigint not null references org_unit (id),
    unit_path    varchar(2000) not null,
    name         varchar(300) not null,
    kind         varchar(20) not null,
    year         integer not null check (year between 1950 and 2200),
    description  varchar(4000),
    version      bigint not null default 0,
    created_at   timestamptz not null default now(),
    created_by   bigint references account (id)
);
create index programme_fund_path_idx on programme_fund (unit_path text_pattern_ops);

-- An award goes to a roster member (member_id, id of the member module), a person by name, or a unit.
-- unit_id / unit_path: the unit the award belongs to for recognition pages (the recipient unit, or the
-- unit of the recipient member, or the programme's unit for a person named outside the roster).
create table programme_fund_award (
    id              bigserial primary key,
    fund_id         bigint not null references programme_fund (id) on delete cascade,
    unit_id         bigint not null references org_unit (id),
    unit_path       varchar(2000) not null,
    member_id       bigint,
    recipient_name  varchar(300),
    to_unit         boolean not null default false,
    amount          numeric(15, 0) not null check (amount >= 0),
    awarded_on      date not null,
    decision_no     varchar(100) not null,
    idea_id         bigint,
    startup_id      bigint references programme_startup (id),
    note            varchar(1000),
    created_at      timestamptz not null default now(),
    created_by      bigint references account (id),
    constraint programme_fund_award_recipient_check check (to_unit or member_id is not null or recipient_name is not null)
);
create index programme_fund_award_fund_idx on programme_fund_award (fund_id, awarded_on);
create index programme_fund_award_path_idx on programme_fund_award (unit_path text_pattern_ops);
create index programme_fund_award_member_idx on programme_fund_award (member_id) where member_id is not null;

-- A club can close (the edit form): the public club page lists active clubs only.
alter table programme_club add column active boolean not null default true;
