-- purpose: the weapon systems a sentence names ("Iskander", "Tochka-U", "HIMARS"; rashomon/detect/weapons.py and
-- weapons.toml), for the fact sheet's weapons cell and the weapon card. Null for sentences analysed before this column
-- existed (the next detect run fills them).
alter table sentence_analysis add column if not exists weapons varchar[];
