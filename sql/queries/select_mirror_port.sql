-- purpose: the port of the local mirror on which an event's items were last discovered (the demo serves there again, so its URLs stay the same).
with mirrored as (
    select cast(regexp_extract(url, '^http://127\.0\.0\.1:([0-9]+)/', 1) as integer) as port, discovered_at
    from discovered_items
    where event_id = $event_id and url like 'http://127.0.0.1:%'
),
final as (
    select port, count(*) as items, max(discovered_at) as last_discovered_at
    from mirrored
    where port is not null
    group by port
    order by last_discovered_at desc, port
    limit 1
)
select * from final
