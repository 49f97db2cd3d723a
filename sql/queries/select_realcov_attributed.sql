-- purpose: attributed blame per outlet: whom each quoted source presents as having started it, and whom a source
-- says did not (`denials`), as the blame gate keeps them (`blame_scores`).
with final as (
    select outlet_id, source_party, blamed_party, status
    from blame_scores_of($event_id)
    where kept
)
select distinct * from final
