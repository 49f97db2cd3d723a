-- purpose: the text of one revision of an article (to diff it against the new one).
select text from article_revisions where article_id = $article_id and revision = $revision
