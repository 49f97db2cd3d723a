-- purpose: the latest run of an event (model, settings, time, status) for the report header.
with final as (
    select run_id, started_at, finished_at, status, model, settings, counts
    from runs
    where event_id = $event_id
    order by started_at desc
    limit 1
)
select * from final
