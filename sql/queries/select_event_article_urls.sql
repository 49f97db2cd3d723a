-- purpose: the URLs an event already has an article for (the story stream fetches only pages it has not read).
with final as (
    select distinct url from articles where event_id = $event_id
)
select * from final
