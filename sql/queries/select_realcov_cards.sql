-- purpose: the disagreement cards of an event, as the benchmark matches them to labelled disagreements.
with final as (
    select kind, outlet_a, outlet_b, sentence_id_a, sentence_id_b
    from disagreements
    where event_id = $event_id
)
select * from final
