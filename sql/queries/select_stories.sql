-- purpose: the live stories, most outlets first, with their outlets (for `rashomon stories list` and the index).
with members as (
    select m.story_id, m.outlet_id
    from story_articles m
),
outlets as (
    select story_id, list(distinct outlet_id order by outlet_id) as outlets
    from members
    group by story_id
),
final as (
    select s.story_id, s.title, s.first_published, s.last_published, s.n_articles, s.n_outlets, o.outlets
    from stories s
    join outlets o using (story_id)
    where s.merged_into is null
      and s.n_outlets >= $min_outlets
      and (cast($since as timestamptz) is null or s.last_published >= cast($since as timestamptz))
    order by s.n_outlets desc, s.last_published desc nulls last, s.story_id
)
select * from final
