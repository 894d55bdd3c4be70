-- Module notification: Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.1.1).
-- One row per event and transactional listener, written in the publishing transaction; a listener that has
-- not completed (the node died after the commit, or it failed) leaves its row incomplete, and the row is
-- delivered again on restart (spring.modulith.events.republish-outstanding-events-on-restart). Completed rows
-- are deleted (spring.modulith.events.completion-mode=delete).
-- The DDL is the jar's org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql, unchanged.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
