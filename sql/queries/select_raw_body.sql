-- purpose: the stored (zstd-compressed) body of a fetched page, by the sha256 of its bytes.
select body from raw_pages where content_sha256 = $content_sha256
