-- purpose: the pairs that may become claims under the scored methods ("same_fact_tokens", the default, and "same_fact"):
-- the learned probability that both sentences state one fact is at least $min_same_fact (rashomon/samefact.py; the
-- threshold is chosen on the benchmark's dev split and the held-out BASIL labels, docs/alignment.md).
with scored as (
    select *
    from alignment_candidates
    where event_id = $event_id
      and model = $model
      and same_fact is not null
),
final as (
    select sentence_a, sentence_b, outlet_a, outlet_b, cosine, margin, same_fact
    from scored
    where same_fact >= $min_same_fact
    order by same_fact desc, sentence_a, sentence_b
)
select * from final
