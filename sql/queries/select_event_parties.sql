-- purpose: an event's parties (JSON) for the index page's one-line summary.
select parties from events where event_id = $event_id
