-- idea_tally gains dimension 'S' (val ''): one row per (year, unit path, status), the smallest
-- set to read when counts are wanted by unit or status only (a province over 1,000,000 ideas reads
-- about 5,500 rows instead of 30,000–70,000). The triggers pick the new key up through the function.
create or replace function idea_tally_keys(kind varchar, sector_field varchar, target_group varchar, counted_at timestamptz)
    returns table (dim char(1), val varchar) language sql immutable as $$
    values ('M'::char(1), to_char(counted_at at time zone 'Asia/Ho_Chi_Minh', 'MM')::varchar),
           ('K', kind), ('F', coalesce(sector_field, '')), ('G', coalesce(target_group, '')), ('S', '')
$$;

select idea_tally_rebuild();
