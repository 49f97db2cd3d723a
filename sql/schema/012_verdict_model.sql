-- purpose: the weights of the own-voice verdict gate (rashomon/models/verdict_gate.json, sha256 pinned in
-- rashomon/verdictgate.py): one row per feature of `verdict_features_of`, plus 'intercept' and 'threshold'.
-- store.migrate refreshes the rows from the pinned file every time it runs, so `initiator_by_outlet` always scores
-- with the shipped model.
create table if not exists verdict_model (
    feature varchar primary key,
    weight  double not null
);
