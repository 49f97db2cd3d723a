-- purpose: the timeline of publication: who published first, and how long after the first each outlet followed.
with published as (
    select a.event_id, a.outlet_id, o.name as outlet, a.published_at, a.title, a.url, a.revision,
           min(a.published_at) over (partition by a.event_id) as first_published
    from articles a
    left join outlets o using (outlet_id)
),
final as (
    select event_id, published_at, published_at - first_published as after_first, outlet_id, outlet, title, revision, url
    from published
    order by event_id, published_at nulls last, outlet_id
)
select * from final;
