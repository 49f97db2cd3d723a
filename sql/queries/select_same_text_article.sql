-- purpose: the earliest other article of the event with exactly this text (a wire copy's original), if any.
select article_id
from articles
where event_id = $event_id and text_sha256 = $text_sha256 and article_id <> $article_id
order by published_at nulls last, article_id
limit 1
