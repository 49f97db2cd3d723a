-- purpose: whom each outlet presents as having started the fighting, in its own voice and through the sources it quotes.
-- (rows appear once the detectors have run: initiator_by_outlet reads sentence_initiators)
with verdicts as (
    select event_id, outlet_id, own_voice, attributed_to, says_initiator, n_sentences, evidence_sentence_ids
    from initiator_by_outlet
),
named as (
    select v.*, o.name as outlet
    from verdicts v
    left join outlets o using (outlet_id)
),
final as (
    select event_id, outlet_id, outlet,
           case when own_voice then 'own voice' else 'quoting ' || attributed_to end as voice,
           says_initiator as blames,
           n_sentences,
           evidence_sentence_ids
    from named
    order by event_id, outlet_id, own_voice desc, voice, n_sentences desc
)
select * from final;
