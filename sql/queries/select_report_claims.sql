-- purpose: every aligned claim of an event with its sentences and their voice, best-covered and earliest-told first.
with final as (
    select c.claim_id, c.n_outlets, c.first_position, c.label,
           cs.outlet_id, cs.sentence_id, s.text as sentence, s.position, s.part, cs.similarity,
           sa.voice, sa.attributed_to
    from claims c
    join claim_sentences cs using (claim_id)
    join sentences s using (sentence_id)
    left join sentence_analysis sa using (sentence_id)
    where c.event_id = $event_id
    order by c.n_outlets desc, c.first_position, c.claim_id, cs.outlet_id, s.position
)
select * from final
