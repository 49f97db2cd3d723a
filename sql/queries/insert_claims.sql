-- purpose: store an alignment's claims and their members in bulk, from the Arrow tables new_claims and new_members
-- registered by stages.align_event (a claim's label is the text of its most central sentence).
insert into claims (claim_id, event_id, model, n_outlets, label)
select c.claim_id, c.event_id, c.model, c.n_outlets, s.text
from new_claims c
join sentences s on s.sentence_id = c.label_id;

insert into claim_sentences (claim_id, sentence_id, outlet_id, similarity)
select claim_id, sentence_id, outlet_id, similarity
from new_members;
