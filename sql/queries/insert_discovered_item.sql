-- purpose: remember a URL found for an event (first sighting wins).
insert into discovered_items (event_id, outlet_id, url, source, listed_in, title, summary, published_at)
values ($event_id, $outlet_id, $url, $source, $listed_in, $title, $summary, $published_at)
on conflict (event_id, url) do nothing
