-- purpose: an article's current revision number and text hash (is an extracted text new?).
select revision, text_sha256 from articles where article_id = $article_id
