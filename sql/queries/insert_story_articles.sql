-- purpose: add the articles just placed in stories, in bulk from the Arrow table new_story_articles.
insert into story_articles (article_id, story_id, outlet_id, score, entities, model, vector)
select article_id, story_id, outlet_id, score, entities, model, vector
from new_story_articles
on conflict (article_id) do nothing
