-- purpose: the table that records which sql/schema files this database has applied (and their sha256).
create table if not exists schema_migrations (name varchar primary key, applied_at timestamptz default now());
alter table schema_migrations add column if not exists sha256 varchar;
