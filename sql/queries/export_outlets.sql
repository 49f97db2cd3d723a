-- purpose: export: the outlets with articles or discovered items in the event.
select * from outlets where outlet_id in (
    select outlet_id from articles where event_id = $event_id
    union select outlet_id from discovered_items where event_id = $event_id)
