-- purpose: what changed in each article of an event between revisions, newest first, for the report.
with final as (
    select a.article_id, a.outlet_id, ch.revision, ch.change_no, ch.kind, ch.old_sentence, ch.new_sentence,
           ch.summary, ch.seen_at
    from article_changes ch
    join articles a using (article_id)
    where a.event_id = $event_id
    order by a.outlet_id, ch.revision desc, ch.change_no
)
select * from final
