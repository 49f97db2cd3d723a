-- purpose: what only one outlet says (sentences in no claim, of at least $min_words words or cited as who-started-it evidence), in article order.
with evidence as (
    select sentence_id from initiators_of($event_id)
),
final as (
    select u.outlet_id, u.sentence_id, u.position, u.part, u.sentence, sa.voice, sa.attributed_to
    from unique_claims u
    join sentences s using (sentence_id)
    left join sentence_analysis sa using (sentence_id)
    where u.event_id = $event_id
      and (s.n_words >= $min_words or u.sentence_id in (select sentence_id from evidence))
    order by u.outlet_id, u.position
)
select * from final
