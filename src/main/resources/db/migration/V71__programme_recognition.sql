-- Module programme: recognition (tuyên dương, khen thưởng) of people and units.
-- unit_path is the path of the unit the record belongs to: the recipient unit, or the unit of the
-- recipient person; rewritten on UnitMoved like the other programme tables.
create table programme_commendation (
    id              bigserial primary key,
    unit_id         bigint not null references org_unit (id),
    unit_path       varchar(2000) not null,
    kind            varchar(20) not null,
    level           varchar(20) not null,
    decision_no     varchar(100) not null,
    decision_date   date not null,
    issuer          varchar(300) not null,
    -- the recipient: a roster member (id of the member module, no cross-module key), a person by name, or the unit itself
    member_id       bigint,
    recipient_name  varchar(300),
    idea_id         bigint,
    reason          varchar(1000),
    created_at      timestamptz not null default now(),
    created_by      bigint references account (id)
);
create index programme_commendation_path_idx on programme_commendation (unit_path text_pattern_ops);
create index programme_commendation_member_idx on programme_commendation (member_id) where member_id is not null;
