-- purpose: order claims as the articles tell them: mean relative position of the claim's sentences.
update claims set first_position = p.pos
from (
    with art_len as (
        select article_id, max(position) as n_positions from sentences group by article_id
    ),
    rel as (
        select cs.claim_id, s.position::double / greatest(l.n_positions, 1) as rel_pos
        from claim_sentences cs
        join claims c using (claim_id)
        join sentences s using (sentence_id)
        join art_len l using (article_id)
        where c.event_id = $event_id
    ),
    final as (
        select claim_id, avg(rel_pos) as pos from rel group by claim_id
    )
    select * from final
) p
where claims.claim_id = p.claim_id
