-- purpose: the fact sheet of an event (view `outlet_facts`), with how many sentences state each value.
with final as (
    select outlet_id, slot, side, value, low, high, whose, sentence_ids, len(sentence_ids) as n_sentences, side_from
    from outlet_facts_of($event_id)
    order by outlet_id, slot, side nulls last, low nulls last, value, whose
)
select * from final
