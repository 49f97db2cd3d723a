-- purpose: every claim of an event with its sentences, for the pairwise disagreement detectors.
with final as (
    select c.claim_id, cs.outlet_id, cs.sentence_id
    from claims c
    join claim_sentences cs using (claim_id)
    where c.event_id = $event_id
    order by c.claim_id, cs.outlet_id, cs.sentence_id
)
select * from final
