-- purpose: the public views analysts query; recreated on every migration.
create or replace view current_sentences as
with final as (
    select s.*, a.event_id, a.outlet_id, a.url, a.title as article_title, a.published_at
    from sentences s
    join articles a using (article_id)
)
select * from final;

create or replace view alignments as
with final as (
    select
        c.event_id,
        c.claim_id,
        cs.outlet_id,
        cs.sentence_id,
        s.text as sentence,
        cs.similarity
    from claims c
    join claim_sentences cs using (claim_id)
    join sentences s using (sentence_id)
)
select * from final;

create or replace view unique_claims as
with aligned as (
    select sentence_id from claim_sentences
),
final as (
    select s.event_id, s.outlet_id, s.sentence_id, s.position, s.part, s.text as sentence
    from current_sentences s
    where s.sentence_id not in (select sentence_id from aligned)
)
select * from final;
