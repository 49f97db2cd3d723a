-- purpose: the ids of the event's runs (export keeps the rows of tables keyed by run_id to these).
select run_id from runs where event_id = $event_id
