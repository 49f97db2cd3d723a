-- purpose: a run starts: its row, with the process (pid, host) that runs it, status running.
insert into runs (run_id, event_id, started_at, status, model, pid, host)
values ($run_id, $event_id, $started_at, 'running', $model, $pid, $host)
on conflict do nothing
