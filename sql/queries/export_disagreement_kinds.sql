-- purpose: export: every row of disagreement_kinds (the registry the exported disagreements' kinds refer to).
select * from disagreement_kinds
