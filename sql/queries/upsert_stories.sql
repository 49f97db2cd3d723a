-- purpose: write the stories that changed, in bulk from the Arrow table new_stories (summary columns replaced).
insert into stories (story_id, title, first_published, last_published, n_articles, n_outlets, merged_into)
select story_id, title, first_published, last_published, n_articles, n_outlets, null
from new_stories
on conflict (story_id) do update set
    title = excluded.title,
    first_published = excluded.first_published,
    last_published = excluded.last_published,
    n_articles = excluded.n_articles,
    n_outlets = excluded.n_outlets,
    merged_into = null,
    updated_at = now()
