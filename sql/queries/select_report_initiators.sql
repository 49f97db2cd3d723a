-- purpose: who each outlet says started it (own voice, or the sources it quotes), one row per evidence sentence.
with verdicts as (
    select event_id, outlet_id, own_voice, attributed_to, says_initiator, evidence_sentence_ids, n_sentences,
           confidence, in_headline, score, decisive
    from initiator_by_outlet_of($event_id)
),
evidence as (
    select v.outlet_id, v.own_voice, v.attributed_to, v.says_initiator, v.confidence, v.in_headline, v.score,
           v.decisive, unnest(v.evidence_sentence_ids) as sentence_id
    from verdicts v
),
final as (
    select e.outlet_id, e.own_voice, e.attributed_to, e.says_initiator, e.confidence, e.in_headline, e.score,
           e.decisive, e.sentence_id, s.text as sentence, s.position
    from evidence e
    join sentences s using (sentence_id)
    order by e.outlet_id, e.own_voice desc, e.attributed_to nulls first, e.says_initiator, s.position
)
select * from final
