-- purpose: the latest good fetch of a URL; a 304 keeps the stored body and refreshes the time.
insert into page_fetches (url, final_url, content_sha256, etag, last_modified, status, outcome, fetched_at)
values ($url, $final_url, $content_sha256, $etag, $last_modified, $status, $outcome, $fetched_at)
on conflict (url) do update set
    final_url = coalesce(excluded.final_url, page_fetches.final_url),
    content_sha256 = coalesce(excluded.content_sha256, page_fetches.content_sha256),
    etag = coalesce(excluded.etag, page_fetches.etag),
    last_modified = coalesce(excluded.last_modified, page_fetches.last_modified),
    status = excluded.status,
    outcome = excluded.outcome,
    fetched_at = excluded.fetched_at
