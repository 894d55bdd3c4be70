-- Decision-clock reminders of initiative applications (InitiativeReminders): one row per application, kind
-- (BEFORE: the due date is within the warning window; AFTER: it has passed) and due date, so each is sent
-- once however often the job runs, and again when a returned application's clock restarts with a new due date.
create table initiative_reminder (
    application_id  bigint not null references initiative_application (id) on delete cascade,
    kind            varchar(10) not null check (kind in ('BEFORE', 'AFTER')),
    due_on          date not null,
    reminded_at     timestamptz not null default now(),
    primary key (application_id, kind, due_on)
);
