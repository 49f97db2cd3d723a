-- purpose: record a schema file as applied, with its sha256.
insert into schema_migrations (name, sha256) values ($name, $sha256)
