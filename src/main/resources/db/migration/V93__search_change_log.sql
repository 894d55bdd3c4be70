-- search: the outbox becomes a change log that every app node reads (docs/search.md, "Several nodes").
-- The same triggers write it; a row now also carries the writing transaction's id, so a reader can tell
-- the rows of transactions that are over (all visible) from those still running (ids taken out of order).
-- Rows already waiting (from before this version) get 0: every node reads them first.
alter table search_outbox add column txid bigint not null default 0;
alter table search_outbox alter column txid set default (pg_current_xact_id()::text::bigint);
create index search_outbox_position_idx on search_outbox (txid, id);

-- How far the log has been pruned: rows up to (txid, id) are gone; a node whose cursor is below lost some.
alter table search_index_state add column pruned_txid bigint not null default 0,
    add column pruned_id bigint not null default 0;

-- One row per node's index: every row up to (cursor_txid, cursor_id) is in it; heartbeat_at says it is alive.
create table search_node (
    node_id       varchar(80) primary key,
    cursor_txid   bigint not null,
    cursor_id     bigint not null,
    heartbeat_at  timestamptz not null default now(),
    registered_at timestamptz not null default now(),
    host          varchar(200)
);
