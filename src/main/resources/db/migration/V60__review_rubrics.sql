-- Rubrics (bộ tiêu chí): a name and immutable versions. A change of criteria always makes a new
-- version, and scores reference the version, so changing a rubric never changes scores given.
create table review_rubric (
    id          bigserial primary key,
    name        varchar(200) not null unique,
    created_by  bigint references account (id),
    created_at  timestamptz not null default now()
);

create table review_rubric_version (
    id          bigserial primary key,
    rubric_id   bigint not null references review_rubric (id),
    number      integer not null check (number >= 1),
    created_by  bigint references account (id),
    created_at  timestamptz not null default now(),
    unique (rubric_id, number)
);

create table review_criterion (
    id          bigserial primary key,
    version_id  bigint not null references review_rubric_version (id),
    position    integer not null,
    code        varchar(40) not null,
    name        varchar(200) not null,
    description varchar(2000),
    weight      numeric(7, 2) not null check (weight > 0),
    scale_min   integer not null,
    scale_max   integer not null,
    check (scale_max > scale_min),
    unique (version_id, code)
);

-- The default rubric from the plan (I.1): novelty, benefit, scope of application, plus feasibility.
insert into review_rubric (name) values ('Tiêu chí đánh giá ý tưởng sáng tạo');
insert into review_rubric_version (rubric_id, number)
    select id, 1 from review_rubric where name = 'Tiêu chí đánh giá ý tưởng sáng tạo';
insert into review_criterion (version_id, position, code, name, description, weight, scale_min, scale_max)
    select v.id, c.position, c.code, c.name, c.description, c.weight, 0, 10
      from review_rubric_version v join review_rubric r on r.id = v.rubric_id,
      (values (1, 'NOVELTY', 'Tính mới', 'Khác với các ý tưởng, sáng kiến cùng loại đã có trước đó', 30),
              (2, 'BENEFIT', 'Tính lợi ích, hiệu quả', 'Tăng năng suất, hiệu quả, tiết kiệm, giảm giá thành, thuận tiện, thân thiện với môi trường', 30),
              (3, 'SCOPE', 'Phạm vi áp dụng', 'Nêu rõ địa điểm, thời gian, điều kiện áp dụng', 20),
              (4, 'FEASIBILITY', 'Tính khả thi', 'Có thể thực hiện được với nguồn lực hiện có', 20))
           as c (position, code, name, description, weight)
     where r.name = 'Tiêu chí đánh giá ý tưởng sáng tạo' and v.number = 1;
