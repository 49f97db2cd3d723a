-- purpose: attributed blame per outlet: whom each quoted source presents as having started it.
with final as (
    select s.outlet_id, si.attributed_party as source_party, si.actor_party as blamed_party, 'claim' as status
    from sentence_initiators si
    join current_sentences s using (sentence_id)
    where s.event_id = $event_id and si.voice = 'attributed' and si.actor_party <> 'unknown'
)
select distinct * from final
