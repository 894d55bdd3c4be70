-- Public voting: the organiser opens it while judging; one vote per account per entry, counted apart from
-- judges' scores. Votes of new accounts and same-IP bursts are kept but flagged and not counted.
alter table contest add column voting_open boolean not null default false;

create table contest_vote (
    id            bigserial primary key,
    contest_id    bigint not null references contest (id),
    nomination_id bigint not null references contest_nomination (id),
    account_id    bigint not null references account (id),
    ip_hash       varchar(64) not null,
    at            timestamptz not null default now(),
    counted       boolean not null,
    flag          varchar(20),
    unique (nomination_id, account_id)
);
create index contest_vote_account_idx on contest_vote (account_id, at);
create index contest_vote_ip_idx on contest_vote (contest_id, ip_hash, at);
create index contest_vote_nomination_idx on contest_vote (nomination_id, counted);
