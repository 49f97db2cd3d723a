-- purpose: every aligned claim of an event with its sentences, best-covered and earliest-told first.
with final as (
    select c.claim_id, c.n_outlets, c.first_position, c.label,
           cs.outlet_id, cs.sentence_id, s.text as sentence, s.position, cs.similarity
    from claims c
    join claim_sentences cs using (claim_id)
    join sentences s using (sentence_id)
    where c.event_id = $event_id
    order by c.n_outlets desc, c.first_position, c.claim_id, cs.outlet_id
)
select * from final
