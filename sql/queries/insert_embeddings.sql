-- purpose: store sentence vectors from the Arrow table new_embeddings (stages.store_embeddings); a vector already
-- stored for the same sentence hash and model is kept.
insert into embeddings (sentence_sha256, model, dim, vector)
select sentence_sha256, model, dim, vector
from new_embeddings
on conflict do nothing
