-- purpose: every disagreement of an event (view `disagreements`), worst first.
with final as (
    select kind, claim_id, outlet_a, outlet_b, sentence_id_a, sentence_id_b, sentence_a, sentence_b,
           value_a, value_b, explanation, severity
    from disagreements
    where event_id = $event_id
    order by severity desc, kind, claim_id nulls last, outlet_a, outlet_b, sentence_id_a, sentence_id_b
)
select * from final
