-- purpose: the weights of the verdict gates (rashomon/verdictgate.py, sha256 pinned there): the own-voice verdict gate
-- (rashomon/models/verdict_gate.json, one row per feature of `verdict_features_of`) and the blame gate
-- (rashomon/models/blame_gate.json, one row per feature of `blame_features_of`), each plus 'intercept' and
-- 'threshold'. store.migrate refreshes the rows from the pinned files every time it runs, so the views always score
-- with the shipped models.
create table if not exists verdict_model (
    feature varchar primary key,
    weight  double not null
);

create table if not exists blame_model (
    feature varchar primary key,
    weight  double not null
);
