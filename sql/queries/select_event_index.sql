-- purpose: every event with its counts, for reports/index.html.
with arts as (
    select event_id, count(*) as n_articles, count(distinct outlet_id) as n_outlets,
           string_agg(distinct outlet_id, ', ' order by outlet_id) as outlets
    from articles group by event_id
),
sents as (
    select event_id, count(*) as n_sentences from current_sentences group by event_id
),
cl as (
    select event_id, count(*) as n_claims from claims group by event_id
),
final as (
    select e.event_id, e.title, e.window_start, e.window_end,
           coalesce(arts.n_outlets, 0) as n_outlets, coalesce(arts.n_articles, 0) as n_articles,
           arts.outlets, coalesce(sents.n_sentences, 0) as n_sentences, coalesce(cl.n_claims, 0) as n_claims
    from events e
    left join arts using (event_id)
    left join sents using (event_id)
    left join cl using (event_id)
    order by e.window_start desc
)
select * from final
