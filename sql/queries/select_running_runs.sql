-- purpose: the runs still marked running, with the process (pid, host) that ran them.
with final as (
    select run_id, event_id, started_at, pid, host
    from runs
    where status = 'running'
    order by started_at
)
select * from final
