-- purpose: casualty figures per outlet (killed, wounded, captured, missing; whose people, as `casualty_figures`
-- resolves them; figure or range).
with final as (
    select outlet_id, quantity, side, value, low, high, qualifier
    from casualty_figures_of($event_id)
)
select * from final
