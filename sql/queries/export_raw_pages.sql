-- purpose: export: the bodies the event's fetches, articles and article revisions point to.
select * from raw_pages where content_sha256 in (
    select content_sha256 from page_fetches where url in (
        select url from discovered_items where event_id = $event_id
        union select url from articles where event_id = $event_id
        union select url from fetch_log where run_id in (select run_id from runs where event_id = $event_id))
    union select content_sha256 from articles where event_id = $event_id
    union select content_sha256 from article_revisions where article_id in (
        select article_id from articles where event_id = $event_id))
