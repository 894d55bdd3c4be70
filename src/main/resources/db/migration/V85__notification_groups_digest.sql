-- notification: repeats grouped into one unread notice per person and group, and the daily e-mail digest.
-- A grouped notice keeps its first item's text (message_key, args, link) and, once a second item joins,
-- is shown with group_message_key / group_args (the count first) and group_link (the filtered list).
alter table notification add column group_key         varchar(200);
alter table notification add column group_message_key varchar(120);
alter table notification add column group_args        text;
alter table notification add column group_link        varchar(500);
alter table notification add column item_count        integer not null default 1;
alter table notification add column group_started_at  timestamptz not null default now();
-- true while the notice waits for the person's next daily digest e-mail
alter table notification add column digest_pending    boolean not null default false;

-- at most one unread notice per person and group: the next item updates it instead of adding a row
create unique index notification_unread_group_idx on notification (account_id, group_key)
    where read_at is null and group_key is not null;
create index notification_digest_idx on notification (account_id) where digest_pending;

-- a person who chose one e-mail a day instead of one per notice; last_sent_on keeps it to one a day
create table notification_digest (
    account_id   bigint primary key,
    daily        boolean not null,
    last_sent_on date
);
