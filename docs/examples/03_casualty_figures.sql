-- purpose: the casualty figures each outlet gives (killed, wounded, dead, missing, captured), side by side.
-- `background` marks figures about other events (the 2020 war, the 1990s): compare the rows where it is false.
with figures as (
    select n.sentence_id, n.quantity, n.party, n.qualifier, n.value, n.low, n.high, n.unit, n.text as figure
    from sentence_numbers n
    where n.quantity <> 'other'
),
placed as (
    select s.event_id, s.outlet_id, s.position, s.text as sentence, f.*,
           coalesce(sa.background, false) as background
    from figures f
    join current_sentences s using (sentence_id)
    left join sentence_analysis sa using (sentence_id)
),
final as (
    select event_id, quantity, party, outlet_id, qualifier, value, low, high, unit, figure, background, position, sentence
    from placed
    order by event_id, background, quantity, party nulls last, outlet_id, position
)
select * from final;
