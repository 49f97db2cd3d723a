-- purpose: the learned same-fact probability of each alignment candidate (rashomon/samefact.py); null for candidates
-- aligned by the "margin" method or before this column existed.
alter table alignment_candidates add column if not exists same_fact double;
