-- purpose: an event's current sentences in reading order, article by article, for the detectors (with why a
-- sentence is not content, as the segment stage marked it).
with final as (
    select a.article_id, a.outlet_id, s.sentence_id, s.position, s.part, s.text, s.not_content
    from sentences s
    join articles a using (article_id)
    where a.event_id = $event_id
    order by a.outlet_id, a.article_id, s.position
)
select * from final
