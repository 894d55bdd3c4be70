-- search: the index's transactional outbox. A row is written by a trigger in the same transaction
-- as any change of an idea or its authors (including bulk SQL updates such as a unit move), and
-- deleted only once the index holds the change; so a crash between commit and indexing loses nothing.
create table search_outbox (
    id         bigserial primary key,
    entity_id  bigint not null,
    created_at timestamptz not null default now()
);

create function search_outbox_idea() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into search_outbox (entity_id) values (old.id);
    else
        insert into search_outbox (entity_id) values (new.id);
    end if;
    return null;
end $$;

create function search_outbox_idea_author() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into search_outbox (entity_id) values (old.idea_id);
    else
        insert into search_outbox (entity_id) values (new.idea_id);
    end if;
    return null;
end $$;

create trigger search_outbox_idea_trg after insert or update or delete on idea
    for each row execute function search_outbox_idea();
create trigger search_outbox_idea_author_trg after insert or update or delete on idea_author
    for each row execute function search_outbox_idea_author();

-- The last full rebuild of the index (one row).
create table search_index_state (
    id              integer primary key check (id = 1),
    rebuilt_at      timestamptz,
    rebuilt_by      varchar(200),
    documents       bigint
);
insert into search_index_state (id) values (1);

-- Reviewers' judgements on a pair of ideas: the later one duplicates the earlier one, or is distinct.
-- Both ideas are kept; the judgement is remembered with who and when.
create table search_similarity_judgement (
    id            bigserial primary key,
    idea_id       bigint not null references idea (id) on delete cascade,
    other_id      bigint not null references idea (id) on delete cascade,
    verdict       varchar(20) not null check (verdict in ('DUPLICATE', 'DISTINCT')),
    judged_by     bigint not null references account (id),
    judged_by_name varchar(200) not null,
    judged_at     timestamptz not null default now(),
    version       bigint not null default 0,
    unique (idea_id, other_id)
);
create index search_similarity_judgement_other_idx on search_similarity_judgement (other_id);
