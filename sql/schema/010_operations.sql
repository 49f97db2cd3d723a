-- purpose: mutual blame, and the names a sentence gives military operations ("Revenge", "Operation Sindoor"; rashomon/detect/
-- operations.py) and contested places ("Kosovo=Kosovo and Metohija", "Stepanakert=Khankendi"; detect/toponyms.toml),
-- for the fact sheet and the naming cards. Null for sentences analysed before these columns existed (the next detect
-- run fills them).
alter table sentence_analysis add column if not exists operations varchar[];
alter table sentence_analysis add column if not exists toponyms varchar[];
-- mutual blame ("X and Y blame each other", rashomon/detect/reciprocal.py): one act per direction, each with the
-- party whose claim it is (a sentence has one voice; these acts carry their own source). Null for every other act.
alter table sentence_acts add column if not exists claimed_by varchar;
