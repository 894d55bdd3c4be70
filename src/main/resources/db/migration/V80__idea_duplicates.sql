-- Duplicates: an idea marked "trùng với TS-…" points to an older original. It stays (readable, with its
-- history) but leaves every count: the idea_tally roll-up (dashboards, targets, reports) skips it, as do
-- IdeaCounts' direct queries and the public totals. The original's code is copied (codes never change)
-- so lists can show "trùng với TS-…" without a join. Unmarking sets the four columns back to null.
alter table idea add column duplicate_of bigint references idea (id) on delete set null;
alter table idea add column duplicate_of_code varchar(40);
alter table idea add column duplicate_marked_by bigint references account (id);
alter table idea add column duplicate_marked_at timestamptz;
alter table idea add constraint idea_duplicate_not_itself check (duplicate_of is null or duplicate_of <> id);
create index idea_duplicate_of_idx on idea (duplicate_of) where duplicate_of is not null;

-- As V33, counting only ideas that are not duplicates: marking one is an UPDATE whose old row counts
-- and whose new row does not, so the tally loses it; unmarking brings it back.
create or replace function idea_tally_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into idea_tally as t (year, dim, anc_path, d, status, val, n)
        select i.year, k.dim, a.anc_path, a.d, i.status, k.val, count(*)
          from new_rows i
          cross join lateral idea_tally_ancestors(i.unit_path) a
          cross join lateral idea_tally_keys(i.kind, i.sector_field, i.target_group, coalesce(i.submitted_at, i.created_at)) k
         where i.duplicate_of is null
         group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 5, 6
        on conflict (year, dim, anc_path, status, val) do update set n = t.n + excluded.n;
    elsif tg_op = 'DELETE' then
        insert into idea_tally as t (year, dim, anc_path, d, status, val, n)
        select i.year, k.dim, a.anc_path, a.d, i.status, k.val, -count(*)
          from old_rows i
          cross join lateral idea_tally_ancestors(i.unit_path) a
          cross join lateral idea_tally_keys(i.kind, i.sector_field, i.target_group, coalesce(i.submitted_at, i.created_at)) k
         where i.duplicate_of is null
         group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 5, 6
        on conflict (year, dim, anc_path, status, val) do update set n = t.n + excluded.n;
    else
        insert into idea_tally as t (year, dim, anc_path, d, status, val, n)
        select year, dim, anc_path, d, status, val, sum(x.n)
          from (select i.year, i.unit_path, i.status, i.kind, i.sector_field, i.target_group,
                       coalesce(i.submitted_at, i.created_at) as counted_at, 1 as n
                  from new_rows i
                 where i.duplicate_of is null
                union all
                select i.year, i.unit_path, i.status, i.kind, i.sector_field, i.target_group,
                       coalesce(i.submitted_at, i.created_at), -1
                  from old_rows i
                 where i.duplicate_of is null) x
          cross join lateral idea_tally_ancestors(x.unit_path) a
          cross join lateral idea_tally_keys(x.kind, x.sector_field, x.target_group, x.counted_at) k
         group by year, dim, anc_path, d, status, val having sum(x.n) <> 0 order by 1, 2, 3, 5, 6
        on conflict (year, dim, anc_path, status, val) do update set n = t.n + excluded.n;
    end if;
    return null;
end $$;

create or replace function idea_tally_rebuild() returns void language sql as $$
    delete from idea_tally;
    insert into idea_tally (year, dim, anc_path, d, status, val, n)
    select i.year, k.dim, a.anc_path, a.d, i.status, k.val, count(*)
      from idea i
      cross join lateral idea_tally_ancestors(i.unit_path) a
      cross join lateral idea_tally_keys(i.kind, i.sector_field, i.target_group, coalesce(i.submitted_at, i.created_at)) k
     where i.duplicate_of is null
     group by 1, 2, 3, 4, 5, 6;
$$;
