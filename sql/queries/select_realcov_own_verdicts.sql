-- purpose: each outlet's own-voice verdict on who started it, as the report shows it.
with final as (
    select outlet_id, says_initiator
    from initiator_by_outlet_of($event_id)
    where own_voice
)
select * from final
