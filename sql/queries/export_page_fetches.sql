-- purpose: export: the latest fetch of every URL the event discovered, extracted or fetched.
select * from page_fetches where url in (
    select url from discovered_items where event_id = $event_id
    union select url from articles where event_id = $event_id
    union select url from fetch_log where run_id in (select run_id from runs where event_id = $event_id))
