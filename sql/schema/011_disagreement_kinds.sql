-- purpose: the registry of disagreement kinds (rashomon/kinds.toml): title, explanation, severity (3 = who started
-- it, 2 = facts, 1 = framing) and rank (the report's order within a severity). store.migrate refreshes the rows from
-- kinds.toml every time it runs, so the views and the report read one registry.
create table if not exists disagreement_kinds (
    kind        varchar primary key,
    title       varchar not null,
    explanation varchar not null,
    severity    integer not null,
    rank        integer not null
);
