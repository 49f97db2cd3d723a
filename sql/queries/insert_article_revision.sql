-- purpose: keep every text an article has had.
insert into article_revisions (article_id, revision, text, text_sha256, title, content_sha256, seen_at)
values ($article_id, $revision, $text, $text_sha256, $title, $content_sha256, $seen_at)
on conflict (article_id, revision) do nothing
