-- purpose: the most contested claims: those with the most severe and the most disagreements between outlets.
with per_claim as (
    select event_id, claim_id,
           max(severity) as max_severity,
           count(*) filter (where kind <> 'omission') as n_conflicts,
           count(*) filter (where kind = 'omission') as n_omissions,
           list(distinct kind order by kind) as kinds
    from disagreements
    where claim_id is not null
    group by all
),
final as (
    select p.event_id, p.claim_id, c.n_outlets, p.max_severity, p.n_conflicts, p.n_omissions, p.kinds, c.label as claim
    from per_claim p
    join claims c using (claim_id)
    order by p.event_id, p.max_severity desc, p.n_conflicts desc, p.n_omissions desc, c.n_outlets desc
)
select * from final;
