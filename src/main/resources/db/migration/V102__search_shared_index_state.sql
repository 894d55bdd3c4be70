-- search on OpenSearch/Elasticsearch (docs/search.md "OpenSearch"): the app nodes share one cluster index, so what
-- the Lucene backend keeps in a file beside each node's index (the mapping it was built with, a rebuild under way)
-- is kept here for the shared index, named after it.
alter table search_index_state add column shared_index varchar(120),
    add column shared_mapping varchar(64),
    add column shared_rebuilding boolean not null default false;
