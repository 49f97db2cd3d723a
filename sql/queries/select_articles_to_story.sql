-- purpose: the stream's extracted articles that are in no story yet, oldest first, with a publication time (the
-- page's own, else the feed's or sitemap's).
with pending as (
    select a.article_id, a.outlet_id, a.url, a.title, a.text,
           coalesce(a.published_at, d.published_at, a.fetched_at) as published_at
    from articles a
    left join discovered_items d on d.event_id = a.event_id and d.url = a.url
    anti join story_articles s on s.article_id = a.article_id
    where a.event_id = $event_id
),
final as (
    select * from pending
    order by published_at nulls last, article_id
)
select * from final
