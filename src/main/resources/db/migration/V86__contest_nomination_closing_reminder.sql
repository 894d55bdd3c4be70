-- contest: the day the "nominations close soon" reminder was sent, so the daily job sends it once per contest.
alter table contest add column closing_reminded_on date;
