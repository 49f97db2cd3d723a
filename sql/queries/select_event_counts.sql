-- purpose: the headline counts of one event.
with arts as (
    select count(distinct outlet_id) as outlets, count(*) as articles
    from articles where event_id = $event_id
),
sents as (
    select count(*) as sentences from current_sentences where event_id = $event_id
),
cl as (
    select count(*) as claims from claims where event_id = $event_id
),
uq as (
    select count(*) as unique_sentences from unique_claims where event_id = $event_id
),
final as (
    select * from arts, sents, cl, uq
)
select * from final
