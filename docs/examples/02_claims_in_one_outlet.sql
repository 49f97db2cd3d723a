-- purpose: the statements only one outlet makes (sentences in no claim), longest first within each outlet.
with unaligned as (
    select u.event_id, u.outlet_id, u.sentence_id, u.position, u.part, u.sentence
    from unique_claims u
),
sized as (
    select un.*, s.n_words
    from unaligned un
    join sentences s using (sentence_id)
),
final as (
    select event_id, outlet_id, part, position, n_words, sentence
    from sized
    where n_words >= 6   -- skip datelines, bylines and captions
    order by event_id, outlet_id, position
)
select * from final;
