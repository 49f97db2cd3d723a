-- purpose: one weight of the blame gate (store.migrate; rows in column order).
insert into blame_model (feature, weight) values (?, ?)
