-- purpose: replace an article's sentences with the Arrow table new_sentences registered by stages.segment_pending.
delete from sentences where article_id = $article_id;

insert into sentences by name
select * from new_sentences;
