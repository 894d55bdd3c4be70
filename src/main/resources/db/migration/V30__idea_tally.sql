-- Idea counts for dashboards and targets (idea module): one row per (year, unit path, status,
-- dimension, value) with the number of ideas. Each idea counts once in each dimension:
--   'M' month of its counting date (submitted_at, or created_at while never submitted), '01'..'12',
--       in Vietnam time;
--   'K' kind; 'F' sector field ('' when not set); 'G' target group ('' when not set).
-- Kept by statement-level triggers with transition tables, in the same transaction as the change,
-- so COPY and bulk UPDATEs (UnitMoved rewrites unit_path) stay correct. Rows may fall to n = 0.
-- Rebuild from scratch (after a restore, or to drop zero rows):  select idea_tally_rebuild();
create table idea_tally (
    year      integer not null,
    unit_path varchar(2000) not null,
    status    varchar(20) not null,
    dim       char(1) not null,
    val       varchar(20) not null,
    n         bigint not null,
    primary key (year, dim, unit_path, status, val)
);
create index idea_tally_path_idx on idea_tally (year, dim, unit_path text_pattern_ops);

-- the four (dim, val) keys of one idea
create function idea_tally_keys(kind varchar, sector_field varchar, target_group varchar, counted_at timestamptz)
    returns table (dim char(1), val varchar) language sql immutable as $$
    values ('M'::char(1), to_char(counted_at at time zone 'Asia/Ho_Chi_Minh', 'MM')::varchar),
           ('K', kind), ('F', coalesce(sector_field, '')), ('G', coalesce(target_group, ''))
$$;

create function idea_tally_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into idea_tally as t (year, unit_path, status, dim, val, n)
        select i.year, i.unit_path, i.status, k.dim, k.val, count(*)
          from new_rows i cross join lateral idea_tally_keys(i.kind, i.sector_field, i.target_group,
                                                             coalesce(i.submitted_at, i.created_at)) k
         group by 1, 2, 3, 4, 5 order by 1, 4, 2, 3, 5
        on conflict (year, dim, unit_path, status, val) do update set n = t.n + excluded.n;
    elsif tg_op = 'DELETE' then
        insert into idea_tally as t (year, unit_path, status, dim, val, n)
        select i.year, i.unit_path, i.status, k.dim, k.val, -count(*)
          from old_rows i cross join lateral idea_tally_keys(i.kind, i.sector_field, i.target_group,
                                                             coalesce(i.submitted_at, i.created_at)) k
         group by 1, 2, 3, 4, 5 order by 1, 4, 2, 3, 5
        on conflict (year, dim, unit_path, status, val) do update set n = t.n + excluded.n;
    else
        -- the net change only: an edit that touches none of the counted columns writes nothing
        insert into idea_tally as t (year, unit_path, status, dim, val, n)
        select year, unit_path, status, dim, val, sum(d)
          from (select i.year, i.unit_path, i.status, k.dim, k.val, 1 as d
                  from new_rows i cross join lateral idea_tally_keys(i.kind, i.sector_field, i.target_group,
                                                                     coalesce(i.submitted_at, i.created_at)) k
                union all
                select i.year, i.unit_path, i.status, k.dim, k.val, -1
                  from old_rows i cross join lateral idea_tally_keys(i.kind, i.sector_field, i.target_group,
                                                                     coalesce(i.submitted_at, i.created_at)) k) x
         group by 1, 2, 3, 4, 5 having sum(d) <> 0 order by 1, 4, 2, 3, 5
        on conflict (year, dim, unit_path, status, val) do update set n = t.n + excluded.n;
    end if;
    return null;
end $$;

create trigger idea_tally_ins after insert on idea referencing new table as new_rows
    for each statement execute function idea_tally_apply();
create trigger idea_tally_upd after update on idea referencing old table as old_rows new table as new_rows
    for each statement execute function idea_tally_apply();
create trigger idea_tally_del after delete on idea referencing old table as old_rows
    for each statement execute function idea_tally_apply();

create function idea_tally_rebuild() returns void language sql as $$
    delete from idea_tally;
    insert into idea_tally (year, unit_path, status, dim, val, n)
    select i.year, i.unit_path, i.status, k.dim, k.val, count(*)
      from idea i cross join lateral idea_tally_keys(i.kind, i.sector_field, i.target_group,
                                                     coalesce(i.submitted_at, i.created_at)) k
     group by 1, 2, 3, 4, 5;
$$;

select idea_tally_rebuild();
