-- purpose: what the story clusterer needs to resume: every article of a live story that is still active (its last
-- article at most $retire_days older than the newest story's; older stories are out of the clusterer's reach, so
-- a run costs the same however long the history), with its features, stories in the order they were created.
with newest as (
    select max(last_published) as t from stories where merged_into is null
),
active as (
    select s.story_id, s.created_at
    from stories s, newest
    where s.merged_into is null
      and (s.last_published is null or newest.t is null
           or s.last_published >= newest.t - to_seconds(cast($retire_days * 86400 as double)))
),
members as (
    select s.story_id, s.created_at, m.article_id, m.outlet_id, m.entities, m.vector,
           a.title, coalesce(a.published_at, a.fetched_at) as published_at
    from story_articles m
    join active s on s.story_id = m.story_id
    join articles a on a.article_id = m.article_id
    where m.model = $model
),
final as (
    select * from members
    order by created_at, story_id, published_at nulls last, article_id
)
select * from final
