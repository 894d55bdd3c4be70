-- The search index holds each idea's unit name (idea.Idea#unitName, all_folded): a renamed unit queues its
-- ideas for re-indexing in the renaming transaction, like every other write the outbox follows (V40).
create function search_outbox_unit_rename() returns trigger language plpgsql as $$
begin
    insert into search_outbox (entity_id) select id from idea where unit_id = new.id;
    return null;
end $$;

create trigger search_outbox_unit_rename_trg after update of name on org_unit
    for each row when (old.name is distinct from new.name) execute function search_outbox_unit_rename();
