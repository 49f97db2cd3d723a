-- purpose: every event with its outlets and counts, for reports/index.html (the report adds each event's worst disagreement).
with arts as (
    select a.event_id, count(*) as n_articles, count(distinct a.outlet_id) as n_outlets,
           string_agg(distinct a.outlet_id, ', ' order by a.outlet_id) as outlets,
           list(distinct coalesce(o.name, a.outlet_id) order by coalesce(o.name, a.outlet_id)) as outlet_names
    from articles a
    left join outlets o using (outlet_id)
    group by a.event_id
),
sents as (
    select event_id, count(*) as n_sentences from current_sentences group by event_id
),
cl as (
    select event_id, count(*) as n_claims from claims group by event_id
),
dis as (
    select event_id, count(*) as n_disagreements,
           count(*) filter (where kind <> 'omission') as n_conflicts
    from disagreements group by event_id
),
final as (
    select e.event_id, e.title, e.window_start, e.window_end,
           coalesce(arts.n_outlets, 0) as n_outlets, coalesce(arts.n_articles, 0) as n_articles,
           arts.outlets, coalesce(arts.outlet_names, []) as outlet_names,
           coalesce(sents.n_sentences, 0) as n_sentences, coalesce(cl.n_claims, 0) as n_claims,
           coalesce(dis.n_disagreements, 0) as n_disagreements, coalesce(dis.n_conflicts, 0) as n_conflicts
    from events e
    left join arts using (event_id)
    left join sents using (event_id)
    left join cl using (event_id)
    left join dis using (event_id)
    order by e.window_start desc, e.event_id
)
select * from final
