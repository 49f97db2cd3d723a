-- purpose: export: every row of verdict_model (the verdict gate's weights the exported verdicts were scored with).
select * from verdict_model
