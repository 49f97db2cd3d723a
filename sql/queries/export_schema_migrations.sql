-- purpose: export: every row of schema_migrations (it says which schema version the files follow).
select * from schema_migrations
