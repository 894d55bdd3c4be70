-- idea_tally becomes a roll-up: each idea is counted at its unit AND at every ancestor of it
-- (anc_path = a prefix of the idea's unit_path, d = that unit's depth, 0 at the root). A unit's
-- counts are then the few rows at exactly its path (a province over 1,000,000 ideas reads at most
-- ~400 rows), and its children's counts the rows at depth d + 1 under its path.
-- Dimensions as before: 'S' (val '') status only, 'M' month "01".."12" of submitted_at (or created_at
-- while never submitted) in Vietnam time, 'K' kind, 'F' sector field, 'G' target group ('' = not set).
-- Kept by statement-level triggers with transition tables in the same transaction as the change to
-- idea (COPY bulk loads and the UnitMoved path rewrite included); an UPDATE that changes no counted
-- column writes nothing. Upserts are ordered by key so concurrent statements lock rows in one order.
-- Rebuild from scratch:  select idea_tally_rebuild();
drop trigger if exists idea_tally_ins on idea;
drop trigger if exists idea_tally_upd on idea;
drop trigger if exists idea_tally_del on idea;
drop function if exists idea_tally_apply();
drop function if exists idea_tally_rebuild();
drop table if exists idea_tally;

create table idea_tally (
    year     integer not null,
    dim      char(1) not null,
    anc_path varchar(2000) not null,
    d        integer not null,
    status   varchar(20) not null,
    val      varchar(20) not null,
    n        bigint not null,
    primary key (year, dim, anc_path, status, val)
);
create index idea_tally_children_idx on idea_tally (year, dim, d, anc_path text_pattern_ops);

-- '/1/7/42/' → ('/1/', 0), ('/1/7/', 1), ('/1/7/42/', 2)
create function idea_tally_ancestors(path varchar) returns table (anc_path varchar, d integer)
    language sql immutable as $$
    select left(path, i)::varchar, (length(left(path, i)) - length(replace(left(path, i), '/', ''))) - 2
      from generate_series(2, length(path)) i
     where substr(path, i, 1) = '/'
$$;

create function idea_tally_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into idea_tally as t (year, dim, anc_path, d, status, val, n)
        select i.year, k.dim, a.anc_path, a.d, i.status, k.val, count(*)
          from new_rows i
          cross join lateral idea_tally_ancestors(i.unit_path) a
          cross join lateral idea_tally_keys(i.kind, i.sector_field, i.target_group, coalesce(i.submitted_at, i.created_at)) k
         group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 5, 6
        on conflict (year, dim, anc_path, status, val) do update set n = t.n + excluded.n;
    elsif tg_op = 'DELETE' then
        insert into idea_tally as t (year, dim, anc_path, d, status, val, n)
        select i.year, k.dim, a.anc_path, a.d, i.status, k.val, -count(*)
          from old_rows i
          cross join lateral idea_tally_ancestors(i.unit_path) a
          cross join lateral idea_tally_keys(i.kind, i.sector_field, i.target_group, coalesce(i.submitted_at, i.created_at)) k
         group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 5, 6
        on conflict (year, dim, anc_path, status, val) do update set n = t.n + excluded.n;
    else
        insert into idea_tally as t (year, dim, anc_path, d, status, val, n)
        select year, dim, anc_path, d, status, val, sum(x.n)
          from (select i.year, i.unit_path, i.status, i.kind, i.sector_field, i.target_group,
                       coalesce(i.submitted_at, i.created_at) as counted_at, 1 as n
                  from new_rows i
                union all
                select i.year, i.unit_path, i.status, i.kind, i.sector_field, i.target_group,
                       coalesce(i.submitted_at, i.created_at), -1
                  from old_rows i) x
          cross join lateral idea_tally_ancestors(x.unit_path) a
          cross join lateral idea_tally_keys(x.kind, x.sector_field, x.target_group, x.counted_at) k
         group by year, dim, anc_path, d, status, val having sum(x.n) <> 0 order by 1, 2, 3, 5, 6
        on conflict (year, dim, anc_path, status, val) do update set n = t.n + excluded.n;
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
    insert into idea_tally (year, dim, anc_path, d, status, val, n)
    select i.year, k.dim, a.anc_path, a.d, i.status, k.val, count(*)
      from idea i
      cross join lateral idea_tally_ancestors(i.unit_path) a
      cross join lateral idea_tally_keys(i.kind, i.sector_field, i.target_group, coalesce(i.submitted_at, i.created_at)) k
     group by 1, 2, 3, 4, 5, 6;
$$;

select idea_tally_rebuild();
