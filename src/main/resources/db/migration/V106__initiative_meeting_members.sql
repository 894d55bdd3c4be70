-- Module initiative: who was present when the council met on an application (the minutes, Biên bản họp hội đồng),
-- distinct from the council's membership. One row per present member, with the name as printed at the time and
-- the member's part in the meeting (CHAIR, SECRETARY or MEMBER). No rows: the minutes list the members who scored.
create table initiative_meeting_member (
    application_id  bigint not null references initiative_application (id) on delete cascade,
    account_id      bigint not null references account (id),
    display_name    varchar(200) not null,
    part            varchar(10) not null check (part in ('CHAIR', 'SECRETARY', 'MEMBER')),
    recorded_by     bigint not null references account (id),
    recorded_at     timestamptz not null default now(),
    primary key (application_id, account_id)
);
create unique index initiative_meeting_chair_idx on initiative_meeting_member (application_id) where part = 'CHAIR';
create unique index initiative_meeting_secretary_idx on initiative_meeting_member (application_id) where part = 'SECRETARY';
