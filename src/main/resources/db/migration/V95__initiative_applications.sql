-- Module initiative: applications for recognition of an initiative (Nghị định 13/2012/NĐ-CP,
-- Thông tư 18/2013/TT-BKHCN), their intake register, council link, decision and remuneration.
-- unit_path: a copy of the idea's unit path (org_unit.path), rewritten by UnitPathCopies on a move.
create table initiative_application (
    id                  bigserial primary key,
    idea_id             bigint not null unique references idea (id),
    idea_code           varchar(40) not null,
    unit_id             bigint not null references org_unit (id),
    unit_path           varchar(2000) not null,
    title               varchar(500) not null,
    status              varchar(20) not null,
    investor            varchar(500),
    field_of_use        varchar(1000) not null,
    first_applied_on    date,
    known_solution      varchar(10000) not null,
    new_content         varchar(10000) not null,
    applicability       varchar(10000) not null,
    benefits            varchar(10000) not null,
    trial_participants  varchar(4000),
    -- names of the description parts marked confidential (comma separated, InitiativeViews.Part)
    confidential        varchar(200) not null default '',
    filed_by            bigint not null references account (id),
    filed_at            timestamptz not null default now(),
    -- the intake register (sổ tiếp nhận): number per receiving unit and year
    register_unit_id    bigint references org_unit (id),
    register_year       integer,
    register_no         integer,
    received_on         date,
    -- the decision clock: runs from accepted_on to due_on; returned_on pauses it until resubmission
    accepted_on         date,
    due_on              date,
    returned_on         date,
    return_reason       varchar(4000),
    reminded_at         timestamptz,
    council_id          bigint,
    decision_no         varchar(100),
    decided_on          date,
    reach               varchar(20),
    refusal_reason      varchar(4000),
    signer_name         varchar(200),
    earlier_id          bigint references initiative_application (id),
    version             bigint not null default 0,
    constraint initiative_register_unique unique (register_unit_id, register_year, register_no)
);
create index initiative_application_path_idx on initiative_application (unit_path text_pattern_ops);
create index initiative_application_due_idx on initiative_application (due_on) where status = 'ACCEPTED';

-- Co-authors in the order of the application, with their share of the work (summing to 100).
create table initiative_author (
    application_id  bigint not null references initiative_application (id) on delete cascade,
    position        integer not null,
    full_name       varchar(200) not null,
    birth_date      date,
    workplace       varchar(300),
    job_title       varchar(200),
    qualification   varchar(200),
    contribution    numeric(5, 2) not null check (contribution > 0 and contribution <= 100),
    primary key (application_id, position)
);

-- Remuneration (optional): the yearly gain of the first three years of application and the payment owed.
create table initiative_benefit (
    application_id  bigint not null references initiative_application (id) on delete cascade,
    year_no         integer not null check (year_no between 1 and 3),
    gain            numeric(15, 0) check (gain >= 0),
    transfer_price  numeric(15, 0) check (transfer_price >= 0),
    paid            numeric(15, 0) check (paid >= 0),
    recorded_by     bigint not null references account (id),
    recorded_at     timestamptz not null default now(),
    primary key (application_id, year_no)
);

create table initiative_register_counter (
    unit_id  bigint not null references org_unit (id),
    year     integer not null,
    last_no  integer not null,
    primary key (unit_id, year)
);
