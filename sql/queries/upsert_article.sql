-- purpose: insert an article or replace its current revision.
insert into articles (article_id, event_id, outlet_id, url, canonical_url, title, author, site_name, published_at,
                      text, text_sha256, content_sha256, revision, fetched_at, extracted_at)
values ($article_id, $event_id, $outlet_id, $url, $canonical_url, $title, $author, $site_name, $published_at,
        $text, $text_sha256, $content_sha256, $revision, $fetched_at, $extracted_at)
on conflict (article_id) do update set
    url = excluded.url,
    canonical_url = excluded.canonical_url,
    title = excluded.title,
    author = excluded.author,
    site_name = excluded.site_name,
    published_at = excluded.published_at,
    text = excluded.text,
    text_sha256 = excluded.text_sha256,
    content_sha256 = excluded.content_sha256,
    revision = excluded.revision,
    fetched_at = excluded.fetched_at,
    extracted_at = excluded.extracted_at
