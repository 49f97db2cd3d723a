-- purpose: the disagreement cards of an event, one row per pair of outlets with the card it belongs to and the
-- figures it shows, as the benchmark matches them to labelled disagreements.
with final as (
    select card_id, kind, outlet_a, outlet_b, sentence_id_a, sentence_id_b, value_a, value_b
    from disagreements_of($event_id)
)
select * from final
