-- purpose: every event id in the database, in order (export names them when asked for an unknown one).
select event_id from events order by 1
