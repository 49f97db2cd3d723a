-- purpose: the ids of the event's sentences (export keeps the rows of tables keyed by sentence_id to these).
select sentence_id from sentences where article_id in (select article_id from articles where event_id = $event_id)
