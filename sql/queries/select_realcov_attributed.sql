-- purpose: attributed blame per outlet: whom each quoted source presents as having started it, and whom a source
-- says did not (`denials`).
with claims as (
    select s.outlet_id, si.attributed_party as source_party, si.actor_party as blamed_party, 'claim' as status
    from sentence_initiators si
    join current_sentences s using (sentence_id)
    where s.event_id = $event_id and si.voice = 'attributed' and si.actor_party <> 'unknown'
),
mutual as (
    -- "X and Y blame each other": X's claim and Y's
    select s.outlet_id, a.claimed_by as source_party, a.actor_party as blamed_party, 'claim' as status
    from sentence_acts a
    join current_sentences s using (sentence_id)
    where s.event_id = $event_id and a.claimed_by is not null and a.actor_party is distinct from a.claimed_by and not a.negated and not a.background
),
denied as (
    select outlet_id, source_party, denied_party as blamed_party, 'denial' as status
    from denials_of($event_id)
),
final as (
    select * from claims
    union
    select * from mutual
    union
    select * from denied
)
select distinct * from final
