-- Module initiative: per-office settings of the procedure. remuneration: whether the office records the authors'
-- remuneration (Nghị định 13/2012/NĐ-CP, Điều 10: optional per organisation applying the initiative). Off by default
-- (no row = off); the offices that had already recorded remuneration lines before the switch existed keep it on.
create table initiative_unit_setting (
    unit_id       bigint primary key references org_unit (id),
    remuneration  boolean not null default false,
    updated_by    bigint references account (id),
    updated_at    timestamptz not null default now(),
    version       bigint not null default 0
);

insert into initiative_unit_setting (unit_id, remuneration)
select distinct coalesce(a.register_unit_id, a.unit_id), true
  from initiative_application a
 where exists (select 1 from initiative_benefit b where b.application_id = a.id);
