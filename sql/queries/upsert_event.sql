-- purpose: insert or refresh an event's definition from its event.toml.
insert into events (event_id, title, summary, window_start, window_end, keywords, parties, updated_at)
values ($event_id, $title, $summary, $window_start, $window_end, $keywords, $parties, now())
on conflict (event_id) do update set
    title = excluded.title,
    summary = excluded.summary,
    window_start = excluded.window_start,
    window_end = excluded.window_end,
    keywords = excluded.keywords,
    parties = excluded.parties,
    updated_at = now()
