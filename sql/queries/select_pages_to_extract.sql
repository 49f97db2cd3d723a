-- purpose: fetched pages of an event whose current bytes no article was extracted from yet.
with pages as (
    select d.url, d.outlet_id, p.final_url, p.content_sha256, p.fetched_at, r.content_type
    from discovered_items d
    join page_fetches p using (url)
    join raw_pages r using (content_sha256)
    where d.event_id = $event_id
),
done as (
    select url, content_sha256 from articles where event_id = $event_id
    union
    select url, content_sha256 from fetch_log f
    join page_fetches p using (url)
    where f.outcome = 'extract_failed'
),
final as (
    select pages.*
    from pages
    anti join done using (url, content_sha256)
    order by outlet_id, url
)
select * from final
