-- purpose: what changed between two revisions of an article (NewsDiffs-style), one row per changed sentence.
create table if not exists article_changes (
    article_id     varchar not null,
    revision       integer not null,     -- the new revision; the old one is revision - 1
    change_no      integer not null,
    kind           varchar not null,     -- changed | added | removed
    old_sentence   varchar,
    new_sentence   varchar,
    summary        varchar not null,     -- e.g. 'a figure changed from 1 to 3'
    seen_at        timestamptz not null,
    primary key (article_id, revision, change_no)
);

alter table articles add column if not exists same_text_as varchar;  -- article_id of an identical text (wire copy) published earlier

alter table fetch_log add column if not exists hop_url varchar;  -- the URL this attempt requested (differs from url after a redirect)
