-- purpose: export: the fetch attempts of the event's runs.
select * from fetch_log where run_id in (select run_id from runs where event_id = $event_id)
