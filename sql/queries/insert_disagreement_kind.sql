-- purpose: one kind of disagreement from rashomon/kinds.toml (store.migrate; rows in column order).
insert into disagreement_kinds (kind, title, explanation, severity, rank) values (?, ?, ?, ?, ?)
