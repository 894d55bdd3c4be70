-- The roster of members (đoàn viên, thanh niên, thiếu nhi) per unit.
-- unit_path is a copy of org_unit.path (rewritten on UnitMoved) so subtree lists filter with one
-- indexed LIKE on this table.
create table member (
    id            bigserial primary key,
    unit_id       bigint not null references org_unit (id),
    unit_path     varchar(2000) not null,
    full_name     varchar(200) not null,
    -- lower case without diacritics ("nguyen van an"): loose name search and matching, independent of the database collation
    name_key      varchar(200) not null,
    date_of_birth date,
    gender        varchar(10),
    target_group  varchar(20) not null,
    phone         varchar(20),
    email         varchar(254),
    status        varchar(20) not null,
    account_id    bigint references account (id),
    version       bigint not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    created_by    bigint references account (id),
    constraint member_birth_check check (date_of_birth is null or date_of_birth >= date '1900-01-01')
);

create index member_unit_path_idx on member (unit_path text_pattern_ops);
-- matchOrCreate looks a name up within a unit; lists sort by name_key
create index member_unit_name_idx on member (unit_id, name_key);
create index member_name_key_idx on member (name_key);
create unique index member_account_uq on member (account_id) where account_id is not null;
