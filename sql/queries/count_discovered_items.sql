-- purpose: how many items an event has discovered so far (stages.record_discovery counts the new ones).
select count(*) as n from discovered_items where event_id = $event_id
