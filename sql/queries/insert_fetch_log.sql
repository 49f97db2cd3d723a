-- purpose: one row per fetch attempt (and per page that failed extraction); url is the URL asked for, hop_url the one requested.
insert into fetch_log (run_id, url, hop_url, attempt, status, outcome, error, bytes, elapsed_s, started_at)
values ($run_id, $url, $hop_url, $attempt, $status, $outcome, $error, $bytes, $elapsed_s, $started_at)
