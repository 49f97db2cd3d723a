-- purpose: the same text fetched again: point the article at the latest bytes and fetch time (no new revision).
update articles set content_sha256 = $content_sha256, fetched_at = $fetched_at where article_id = $article_id
