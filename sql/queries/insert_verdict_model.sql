-- purpose: one weight of the verdict gate (store.migrate; rows in column order).
insert into verdict_model (feature, weight) values (?, ?)
