-- purpose: whether a figure is a part of another figure of its sentence or an increment to it ("nine of them
-- children", "including 12 children", "five more soldiers": rashomon/detect/count_scope.parts). The figure cards of
-- the fact sheet (views.sql, figure_cells) compare whole figures only; the fact sheet and casualty_figures keep every
-- figure. Null for sentences analysed before this column existed (the next detect run fills them; until then they are
-- read as whole figures, as before).
alter table sentence_numbers add column if not exists part boolean;
