-- purpose: a run finished: its status (completed or completed_with_failures), counts and settings.
update runs
set finished_at = $finished_at, status = $status, counts = $counts, settings = $settings, error = null
where run_id = $run_id
