-- purpose: the articles whose text changed after first publication (revision 2 and later), with what changed in size and title.
with revisions as (
    select r.article_id, r.revision, r.title, r.text, r.text_sha256, r.seen_at,
           lag(r.title) over w as previous_title,
           lag(r.text) over w as previous_text,
           lag(r.seen_at) over w as previous_seen_at
    from article_revisions r
    window w as (partition by r.article_id order by r.revision)
),
changed as (
    select * from revisions where revision > 1
),
final as (
    select a.event_id, a.outlet_id, a.url, c.revision,
           c.previous_seen_at, c.seen_at,
           c.previous_title is distinct from c.title as title_changed,
           c.previous_title, c.title,
           length(c.text) - length(c.previous_text) as chars_added
    from changed c
    join articles a using (article_id)
    order by a.event_id, a.outlet_id, a.url, c.revision
)
select * from final;
