-- purpose: the sentences attributed to a given source; change source_pattern (case-insensitive, % = anything).
with params as (
    select '%defen%ministry%' as source_pattern
),
attributed as (
    select sa.event_id, sa.outlet_id, sa.attributed_to, sa.attributed_party, sa.cue, s.position, s.text as sentence
    from sentence_analysis sa
    join sentences s using (sentence_id)
    cross join params p
    where sa.voice = 'attributed'
      and sa.attributed_to ilike p.source_pattern
),
final as (
    select * from attributed
    order by event_id, attributed_to, outlet_id, position
)
select * from final;
