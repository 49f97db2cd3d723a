-- purpose: one row per article of an event, with its outlet, for the report header.
with final as (
    select a.article_id, a.outlet_id, o.name as outlet_name, o.perspective, o.country,
           a.url, a.canonical_url, a.title, a.author, a.published_at, a.fetched_at, a.revision,
           (select count(*) from sentences s where s.article_id = a.article_id) as n_sentences
    from articles a
    left join outlets o using (outlet_id)
    where a.event_id = $event_id
    order by a.published_at nulls last, a.outlet_id
)
select * from final
