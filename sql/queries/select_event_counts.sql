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
dis as (
    -- the report's cards: one per disagreement, however many pairs of outlets show it
    select count(*) as disagreements from disagreement_cards_of($event_id)
),
final as (
    select * from arts, sents, cl, uq, dis
)
select * from final
