-- purpose: the ids of the event's articles (export keeps the rows of tables keyed by article_id to these).
select article_id from articles where event_id = $event_id
