-- purpose: the kinds of disagreement found inside each claim (the badges of the claims table): every pair of
-- outlets counts, not only the pair a card shows.
with final as (
    select distinct claim_id, kind
    from disagreements_of($event_id)
    where claim_id is not null
)
select * from final
