-- purpose: export: every row of blame_model (the blame gate's weights the exported blames were scored with).
select * from blame_model
