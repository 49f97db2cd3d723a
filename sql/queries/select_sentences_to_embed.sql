-- purpose: distinct sentence texts of an event with no embedding for the model yet.
with wanted as (
    select s.sentence_sha256, min(s.text) as text
    from sentences s
    join articles a using (article_id)
    where a.event_id = $event_id
    group by s.sentence_sha256
),
final as (
    select w.*
    from wanted w
    anti join (select sentence_sha256 from embeddings where model = $model) e using (sentence_sha256)
)
select * from final
