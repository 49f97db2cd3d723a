-- purpose: empty the registry of disagreement kinds before store.migrate refills it from rashomon/kinds.toml.
delete from disagreement_kinds
