-- purpose: one row per article of an event, with its outlet and how many of its sentences were analysed, for the report header.
with sentence_counts as (
    select s.article_id, count(*) as n_sentences
    from sentences s
    group by s.article_id
),
analysed as (
    select outlet_id, count(*) as n_analysed
    from sentence_analysis
    where event_id = $event_id
    group by outlet_id
),
final as (
    select a.article_id, a.outlet_id, o.name as outlet_name, o.perspective, o.country, o.language,
           a.url, a.canonical_url, a.title, a.author, a.site_name, a.published_at, a.fetched_at, a.revision,
           coalesce(sc.n_sentences, 0) as n_sentences,
           coalesce(an.n_analysed, 0) as n_analysed
    from articles a
    left join outlets o using (outlet_id)
    left join sentence_counts sc using (article_id)
    left join analysed an using (outlet_id)
    where a.event_id = $event_id
    order by a.published_at nulls last, a.outlet_id
)
select * from final
