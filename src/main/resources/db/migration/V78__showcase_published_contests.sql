-- Module showcase: the contests whose results are published, so the public winners page can list them.
-- Filled from the contest module's ResultsPublished event (a durable @ApplicationModuleListener); each
-- contest's name and awarded entries are read through ContestService.publicContest / publicResults, never
-- from the contest tables. Results are only ever published once and stay published (status only moves forward).
create table showcase_contest (
    contest_id    bigint primary key,
    year          integer not null,
    published_at  timestamptz not null default now()
);
create index showcase_contest_year_idx on showcase_contest (year);
create index showcase_contest_order_idx on showcase_contest (published_at desc, contest_id desc);

-- One-time back-fill of the contests published before this table existed (the only read of the contest
-- module's table by the showcase; afterwards the event keeps this table current).
insert into showcase_contest (contest_id, year, published_at)
select id, year, coalesce(results_published_at, now()) from contest where status = 'PUBLISHED';
