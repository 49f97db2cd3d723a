-- purpose: what failed in the last run of each event (feeds, articles, extraction), with the error.
with last_runs as (
    select event_id, arg_max(run_id, started_at) as run_id
    from runs
    group by event_id
),
attempts as (
    select lr.event_id, f.*
    from fetch_log f
    join last_runs lr using (run_id)
),
failures as (
    -- 'retry' and 'redirect' rows are intermediate hops; the last attempt of a URL carries its outcome
    select * from attempts where outcome not in ('ok', 'not_modified', 'retry', 'redirect')
),
final as (
    select event_id, run_id, url, outcome, status, error, attempt, started_at
    from failures
    order by event_id, url, attempt
)
select * from final;
