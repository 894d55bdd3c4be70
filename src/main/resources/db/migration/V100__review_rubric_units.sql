-- Rubrics written by an office (issue 16): a rubric belongs to the unit whose office wrote it, and is seen by
-- that unit's subtree (an office sees its own rubrics and its ancestors'). The seeded default stays
-- system-wide (no unit). Names are unique within one unit, so two districts may each have "Tiêu chí hội thi".
alter table review_rubric add column unit_id bigint references org_unit (id);
alter table review_rubric add column unit_path varchar(2000);
alter table review_rubric add column version bigint not null default 0;
alter table review_rubric drop constraint review_rubric_name_key;
create unique index review_rubric_unit_name_uq on review_rubric (coalesce(unit_id, 0), name);
create index review_rubric_path_idx on review_rubric (unit_path text_pattern_ops);

-- A version not yet used by any score may be corrected in place; this records when.
alter table review_rubric_version add column changed_at timestamptz;
