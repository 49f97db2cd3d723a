-- purpose: what only one outlet says (sentences of at least $min_words words in no claim), in article order.
with final as (
    select outlet_id, sentence_id, position, part, sentence
    from unique_claims
    where event_id = $event_id
      and sentence_id in (select sentence_id from sentences where n_words >= $min_words)
    order by outlet_id, position
)
select * from final
