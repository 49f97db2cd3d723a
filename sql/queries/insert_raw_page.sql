-- purpose: keep a page's bytes once, keyed by their sha256.
insert into raw_pages (content_sha256, compression, body, n_bytes, content_type, charset)
values ($content_sha256, $compression, $body, $n_bytes, $content_type, $charset)
on conflict (content_sha256) do nothing
