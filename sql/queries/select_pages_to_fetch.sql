-- purpose: the URLs this run found for an event, with the validators of their last good fetch for a conditional GET.
with items as (
    select url, outlet_id
    from discovered_items
    where event_id = $event_id
      and list_contains($urls, url)
),
final as (
    select i.url, i.outlet_id, p.etag, p.last_modified
    from items i
    left join page_fetches p using (url)
    order by i.outlet_id, i.url
)
select * from final
