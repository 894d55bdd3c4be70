-- The COPY load fires search_outbox's row triggers (V40): one outbox row per idea and per author.
-- Drained at start-up one batch at a time that would take longer than a full rebuild, and it would
-- run before the application is ready. The rows are dropped here instead: the application's start-up
-- check then finds the index stale (documents != ideas) and rebuilds it with the mass indexer.
-- Run the generator only while the application is stopped.
truncate search_outbox;
