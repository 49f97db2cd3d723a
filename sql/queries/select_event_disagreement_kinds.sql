-- purpose: an event's disagreements by kind as the report shows them (the view `disagreement_cards`: one card each).
with final as (
    select kind, count(*) as disagreements
    from disagreement_cards_of($event_id)
    group by kind
    order by disagreements desc, kind
)
select * from final
