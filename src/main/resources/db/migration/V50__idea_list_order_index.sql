-- The idea lists sort by last change (newest first): walking this index backwards finds a page of a
-- unit's ideas after a few hundred rows instead of reading and sorting all of them (docs/performance.md:
-- 82 ms -> 0.3 ms for a district page at 100,000 ideas).
create index idea_updated_idx on idea (updated_at, id);
