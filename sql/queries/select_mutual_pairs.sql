-- purpose: the pairs that may become claims: mutual nearest neighbours between two outlets, above both thresholds.
with scored as (
    select *
    from alignment_candidates
    where event_id = $event_id
      and model = $model
),
mutual as (
    -- each sentence is among the other's $max_rank best matches in its outlet
    select *
    from scored
    where rank_a <= $max_rank
      and rank_b <= $max_rank
),
final as (
    select sentence_a, sentence_b, outlet_a, outlet_b, cosine, margin
    from mutual
    where cosine >= $min_cosine
      and margin >= $min_margin
    order by margin desc, cosine desc
)
select * from final
