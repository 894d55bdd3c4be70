-- The contest's award decision (Quyết định khen thưởng, issue 16): who signs for the organiser, and the
-- decision's number and date. Certificates keep what they stated when issued (they are never changed):
-- the issuing body (the organiser's unit, not the winner's), signer, decision number and date.
alter table contest add column signer_name varchar(200);
alter table contest add column signer_title varchar(200);
alter table contest add column decision_number varchar(100);
alter table contest add column decision_date date;

alter table contest_certificate add column issuer_name varchar(300);
alter table contest_certificate add column signer_name varchar(200);
alter table contest_certificate add column signer_title varchar(200);
alter table contest_certificate add column decision_number varchar(100);
alter table contest_certificate add column decision_date date;

-- certificates issued before this change named the winner's unit; the organiser is the contest's unit
update contest_certificate cc set issuer_name = u.name
  from contest_nomination n join contest c on c.id = n.contest_id join org_unit u on u.id = c.unit_id
 where n.id = cc.nomination_id;
