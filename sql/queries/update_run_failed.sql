-- purpose: a run that is still marked running failed (its own error, or its process ended without finishing).
update runs
set finished_at = $finished_at, status = 'failed', error = $error
where run_id = $run_id and status = 'running'
