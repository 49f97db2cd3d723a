-- purpose: an event's disagreements by kind as the report shows them (the view `disagreements`: one card per row).
with final as (
    select kind, count(*) as disagreements
    from disagreements
    where event_id = $event_id
    group by kind
    order by disagreements desc, kind
)
select * from final
