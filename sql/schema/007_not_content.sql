-- purpose: why a sentence is not content (dateline, credit line, related-story link, sharing prompt, page
-- furniture; rules in rashomon/detect/not_content.toml); such a sentence is kept but never joins a claim. Null for
-- content, and for sentences segmented before this column existed.
alter table sentences add column if not exists not_content varchar;
