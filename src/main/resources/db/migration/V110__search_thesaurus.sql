-- search: the administrators' additions to the built-in thesaurus (docs/search.md, "Thesaurus administration").
-- One row, edited on /admin/search/thesaurus; every app node reads it (and reloads when its version changes), so
-- all nodes search and compare ideas with the same groups. Same format as src/main/resources/search/thesaurus-vi.txt.
create table search_thesaurus (
    id          integer primary key check (id = 1),
    body        text not null default '',
    version     bigint not null default 0,
    updated_at  timestamptz,
    updated_by  varchar(200)
);
insert into search_thesaurus (id) values (1);
