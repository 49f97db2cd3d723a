-- purpose: one row per fetch attempt (and per page that failed extraction).
insert into fetch_log (run_id, url, attempt, status, outcome, error, bytes, elapsed_s, started_at)
values ($run_id, $url, $attempt, $status, $outcome, $error, $bytes, $elapsed_s, $started_at)
