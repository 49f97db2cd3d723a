-- purpose: the process that runs a pipeline (its pid and host), so that a run whose process is gone (kill -9, a crash,
-- a failure it could not record) is marked failed by the next run; and why a failed run failed, in its own column.
alter table runs add column if not exists pid integer;
alter table runs add column if not exists host varchar;
alter table runs add column if not exists error varchar;

-- failed runs recorded their error inside counts before this column existed
update runs
set error = json_extract_string(counts, '$.error')
where status = 'failed' and error is null and json_extract_string(counts, '$.error') is not null;
