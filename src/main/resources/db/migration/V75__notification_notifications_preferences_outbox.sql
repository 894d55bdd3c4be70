-- notification: in-app notifications, each account's e-mail choices, and the e-mail outbox.
-- Rows are written in the transaction of the action that caused them; e-mail is sent later by a
-- scheduled job, so a slow or failing mail server never blocks or undoes that action.
create table notification (
    id          bigserial primary key,
    account_id  bigint not null,
    kind        varchar(30) not null,
    message_key varchar(120) not null,
    -- message arguments separated by U+001F; an argument starting with "msg:" is itself a message key
    args        text not null default '',
    link        varchar(500),
    created_at  timestamptz not null default now(),
    read_at     timestamptz
);
create index notification_account_idx on notification (account_id, created_at desc, id desc);
create index notification_unread_idx on notification (account_id) where read_at is null;

-- only the choices a person made; a missing row means the default of ideabank.notifications.email-defaults
create table notification_preference (
    account_id bigint not null,
    kind       varchar(30) not null,
    email      boolean not null,
    primary key (account_id, kind)
);

create table email_outbox (
    id              bigserial primary key,
    recipient       varchar(320) not null,
    subject         varchar(500) not null,
    body            text not null,
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz,
    last_error      varchar(1000),
    created_at      timestamptz not null default now()
);
create index email_outbox_due_idx on email_outbox (next_attempt_at) where sent_at is null;
