-- purpose: export: the stories the event's articles belong to (story_articles follows by article_id).
select * from stories where story_id in (
    select story_id from story_articles where article_id in (
        select article_id from articles where event_id = $event_id))
