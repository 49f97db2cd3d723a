-- purpose: casualty figures per outlet (killed, wounded, captured, missing; whose; figure or range).
with final as (
    select s.outlet_id, n.quantity, n.party as side, n.value, n.low, n.high, n.qualifier
    from sentence_numbers n
    join current_sentences s using (sentence_id)
    where s.event_id = $event_id and n.quantity in ('killed', 'dead', 'wounded', 'injured', 'captured', 'missing')
)
select * from final
