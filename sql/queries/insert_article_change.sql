-- purpose: one sentence-level change between an article's previous revision and the new one (kept once).
insert into article_changes (article_id, revision, change_no, kind, old_sentence, new_sentence, summary, seen_at)
values ($article_id, $revision, $change_no, $kind, $old_sentence, $new_sentence, $summary, $seen_at)
on conflict do nothing
