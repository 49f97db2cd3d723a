-- purpose: the names a sentence gives military operations ("Revenge", "Operation Sindoor"; rashomon/detect/
-- operations.py), for the fact sheet and the naming cards. Null for sentences analysed before this column existed
-- (the next detect run fills it).
alter table sentence_analysis add column if not exists operations varchar[];
