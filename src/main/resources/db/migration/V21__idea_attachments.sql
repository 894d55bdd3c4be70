-- Files attached to ideas: images, PDF, Office documents. The bytes live in the FileStore under storage_key.
create table idea_attachment (
    id           bigserial primary key,
    idea_id      bigint not null references idea (id) on delete cascade,
    file_name    varchar(255) not null,
    content_type varchar(120) not null,
    size_bytes   bigint not null,
    sha256       varchar(64) not null,
    storage_key  varchar(64) not null unique,
    uploaded_by  bigint not null references account (id),
    uploaded_at  timestamptz not null default now()
);
create index idea_attachment_idea_idx on idea_attachment (idea_id);
