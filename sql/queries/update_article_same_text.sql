-- purpose: mark an article as a copy of another article's identical text (null: its text is its own).
update articles set same_text_as = $same_text_as where article_id = $article_id
