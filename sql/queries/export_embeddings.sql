-- purpose: export: the vectors (every model) of the event's sentences.
select * from embeddings where sentence_sha256 in (
    select sentence_sha256 from sentences where article_id in (
        select article_id from articles where event_id = $event_id))
