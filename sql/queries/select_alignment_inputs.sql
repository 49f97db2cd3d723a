-- purpose: the sentences to align for an event (long enough to state a claim) with their embeddings.
with final as (
    select s.sentence_id, a.outlet_id, s.text, s.position, e.vector
    from sentences s
    join articles a using (article_id)
    join embeddings e on e.sentence_sha256 = s.sentence_sha256 and e.model = $model
    where a.event_id = $event_id
      and s.n_words >= $min_words
      and s.not_content is null           -- datelines, credit lines, related links: kept, never a claim
      and a.same_text_as is null          -- a wire copy republished verbatim is one source, aligned once
    order by s.sentence_id
)
select * from final
