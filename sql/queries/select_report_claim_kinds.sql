-- purpose: the kinds of disagreement found inside each claim (the badges of the claims table): every pair of
-- outlets counts, not only the pair a card shows.
with final as (
    select distinct claim_id, kind
    from disagreements
    where event_id = $event_id and claim_id is not null
)
select * from final
