-- purpose: one story's articles with their text and entities (for `rashomon stories propose`); a merged story's id
-- leads to the story it merged into.
with target as (
    select coalesce(merged_into, story_id) as story_id
    from stories
    where story_id = $story_id
),
final as (
    select m.story_id, a.article_id, a.outlet_id, a.url, a.canonical_url, a.title, a.text,
           coalesce(a.published_at, a.fetched_at) as published_at, m.entities, m.score
    from story_articles m
    join target t using (story_id)
    join articles a on a.article_id = m.article_id
    order by published_at nulls last, a.outlet_id, a.article_id
)
select * from final
