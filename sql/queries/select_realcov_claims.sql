-- purpose: the event's claims as the benchmark scores them (one row per member sentence).
with final as (
    select claim_id, outlet_id, sentence_id
    from alignments
    where event_id = $event_id
)
select * from final
