-- purpose: the schema files this database has applied, with the sha256 each had.
select name, sha256 from schema_migrations
