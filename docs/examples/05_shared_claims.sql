-- purpose: which pairs of outlets share the most claims (and what share of the smaller outlet's claims that is).
with claim_outlets as (
    select distinct event_id, claim_id, outlet_id from alignments
),
per_outlet as (
    select event_id, outlet_id, count(*) as n_claims from claim_outlets group by all
),
pairs as (
    select a.event_id, a.outlet_id as outlet_a, b.outlet_id as outlet_b, count(*) as shared_claims
    from claim_outlets a
    join claim_outlets b on a.event_id = b.event_id and a.claim_id = b.claim_id and a.outlet_id < b.outlet_id
    group by all
),
final as (
    select p.event_id, p.outlet_a, p.outlet_b, p.shared_claims,
           round(p.shared_claims / least(na.n_claims, nb.n_claims), 2) as share_of_smaller
    from pairs p
    join per_outlet na on na.event_id = p.event_id and na.outlet_id = p.outlet_a
    join per_outlet nb on nb.event_id = p.event_id and nb.outlet_id = p.outlet_b
    order by p.event_id, p.shared_claims desc, p.outlet_a, p.outlet_b
)
select * from final;
