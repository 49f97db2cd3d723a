-- purpose: the benchmark's view of an event's sentences (current revisions), to map them to labelled units.
with final as (
    select sentence_id, outlet_id, text, position
    from current_sentences
    where event_id = $event_id
)
select * from final
