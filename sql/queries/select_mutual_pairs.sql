-- purpose: the pairs that become claims: mutual best matches between two outlets, above both thresholds.
with scored as (
    select *
    from alignment_candidates
    where event_id = $event_id
      and model = $model
),
mutual as (
    select *
    from scored
    where rank_a = 1
      and rank_b = 1
),
final as (
    select sentence_a, sentence_b, outlet_a, outlet_b, cosine, margin
    from mutual
    where cosine >= $min_cosine
      and margin >= $min_margin
    order by margin desc, cosine desc
)
select * from final
