-- purpose: articles of an event whose current revision has not been split into sentences.
with segmented as (
    select distinct article_id, sentence_id from sentences
),
final as (
    select a.article_id, a.revision, a.title, a.text
    from articles a
    where a.event_id = $event_id
      and not exists (
          select 1 from segmented s
          where s.article_id = a.article_id
            and s.sentence_id like a.article_id || '-r' || a.revision::varchar || '-%'
      )
    order by a.article_id
)
select * from final
