-- Judging rounds (vòng sơ khảo, chung khảo, …) of a contest, their judges, entries and scores, and the
-- contest's rules document (thể lệ). See docs/contests.md.

-- What the conflict-of-interest rule needs of an entry, copied at nomination: the idea's own unit path
-- (kept by UnitMoved) and the accounts whose idea it is (who entered it, authors with a login).
alter table contest_nomination add column idea_unit_path varchar(2000);
alter table contest_nomination add column owner_account_ids varchar(1000) not null default '';
update contest_nomination n set idea_unit_path = i.unit_path,
       owner_account_ids = concat_ws(',', i.created_by::text,
           (select string_agg(distinct a.account_id::text, ',') from idea_author a
             where a.idea_id = i.id and a.account_id is not null and a.account_id <> i.created_by))
  from idea i where i.id = n.idea_id;
create index contest_nomination_idea_path_idx on contest_nomination (idea_unit_path text_pattern_ops);

-- A round scores its entries on one rubric version (scores stay tied to it). Round 1's entries are the
-- contest's nominations, round n+1's those advanced from round n; fixed when the round opens.
create table contest_round (
    id                bigserial primary key,
    contest_id        bigint not null references contest (id),
    number            integer not null check (number between 1 and 20),
    name              varchar(200) not null,
    rubric_version_id bigint not null,
    opens_on          date not null,
    closes_on         date not null,
    normalise         boolean not null default false,
    threshold         numeric(6, 2) not null default 20 check (threshold between 0 and 100),
    status            varchar(10) not null default 'DRAFT',
    advancement       varchar(10),
    advance_value     numeric(8, 2),
    closed_at         timestamptz,
    created_by        bigint not null references account (id),
    created_at        timestamptz not null default now(),
    version           bigint not null default 0,
    unique (contest_id, number),
    check (closes_on >= opens_on)
);

-- Judges (ban giám khảo) of a round; home_unit_path is a copy for the conflict rule (kept by UnitMoved).
create table contest_round_judge (
    round_id       bigint not null references contest_round (id),
    account_id     bigint not null references account (id),
    display_name   varchar(200) not null,
    home_unit_path varchar(2000),
    added_by       bigint not null references account (id),
    added_at       timestamptz not null default now(),
    primary key (round_id, account_id)
);
create index contest_round_judge_account_idx on contest_round_judge (account_id);

create table contest_round_entry (
    round_id      bigint not null references contest_round (id),
    nomination_id bigint not null references contest_nomination (id),
    advanced      boolean not null default false,
    primary key (round_id, nomination_id)
);

-- One row per judge and entry: two judges scoring at once write different rows; edits check the version.
create table contest_round_score (
    id            bigserial primary key,
    round_id      bigint not null,
    nomination_id bigint not null,
    judge_id      bigint not null,
    total         numeric(7, 3) not null,
    comment       varchar(5000),
    scored_at     timestamptz not null default now(),
    version       bigint not null default 1,
    unique (round_id, nomination_id, judge_id),
    foreign key (round_id, nomination_id) references contest_round_entry (round_id, nomination_id),
    foreign key (round_id, judge_id) references contest_round_judge (round_id, account_id)
);

create table contest_round_score_value (
    score_id bigint not null references contest_round_score (id),
    code     varchar(40) not null,
    value    integer not null,
    primary key (score_id, code)
);

-- Every score and change of score: who, when, old → new.
create table contest_round_score_history (
    id            bigserial primary key,
    score_id      bigint not null references contest_round_score (id),
    actor_id      bigint not null references account (id),
    at            timestamptz not null default now(),
    old_values    varchar(2000),
    old_total     numeric(7, 3),
    new_values    varchar(2000) not null,
    new_total     numeric(7, 3) not null,
    comment       varchar(5000)
);
create index contest_round_score_history_idx on contest_round_score_history (score_id, id);

-- The rules document (thể lệ) of a contest: one PDF or DOCX, replaced by a new upload.
create table contest_rules_document (
    contest_id   bigint primary key references contest (id),
    file_name    varchar(255) not null,
    content_type varchar(120) not null,
    size_bytes   bigint not null,
    sha256       varchar(64) not null,
    storage_key  varchar(64) not null,
    uploaded_by  bigint not null references account (id),
    uploaded_at  timestamptz not null default now(),
    version      bigint not null default 0
);
