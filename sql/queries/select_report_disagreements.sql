-- purpose: the disagreements of an event, one card each (view `disagreement_cards`), heaviest first.
with final as (
    select card_id, kind, claim_id, outlets_a, outlets_b, n_pairs, outlet_a, outlet_b, sentence_id_a, sentence_id_b,
           sentence_a, sentence_b, value_a, value_b, explanation, severity
    from disagreement_cards_of($event_id)
    order by severity desc, kind_rank, n_outlets desc, card_id
)
select * from final
