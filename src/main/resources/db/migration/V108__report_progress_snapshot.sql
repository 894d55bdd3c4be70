-- Table 1 of a periodic report's section I (progress against the year's targets and what was done), stored when the
-- report is submitted so that the figures a unit sent never change afterwards (issue 16). A draft counts them live.
-- Reports submitted before this version have no rows here and keep showing the table counted when read.
create table report_progress (
    report_id      bigint not null references report_periodic (id) on delete cascade,
    position       integer not null,
    target_kind    varchar(40) not null,
    target_name    varchar(200),
    has_target     boolean not null,
    year_target    bigint,
    period_target  bigint,
    actual         bigint,
    primary key (report_id, position)
);
