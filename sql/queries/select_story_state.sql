-- purpose: what the story clusterer needs to resume: every article of a live story with its features, stories in
-- the order they were created.
with members as (
    select s.story_id, s.created_at, m.article_id, m.outlet_id, m.entities, m.vector,
           a.title, coalesce(a.published_at, a.fetched_at) as published_at
    from story_articles m
    join stories s on s.story_id = m.story_id
    join articles a on a.article_id = m.article_id
    where s.merged_into is null and m.model = $model
),
final as (
    select * from members
    order by created_at, story_id, published_at nulls last, article_id
)
select * from final
