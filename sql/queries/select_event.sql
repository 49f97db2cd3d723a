-- purpose: one event's row (title, summary, window, keywords, parties) for its report.
select * from events where event_id = $event_id
