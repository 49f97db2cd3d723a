-- purpose: core tables: outlets, events, what was discovered, fetched, extracted, segmented, embedded and aligned.
create table if not exists outlets (
    outlet_id     varchar primary key,   -- slug, equals the file stem in sources/
    name          varchar not null,
    homepage      varchar,
    language      varchar,
    country       varchar,
    perspective   varchar,               -- perspective tag from sources/<outlet>.toml
    description   varchar,
    updated_at    timestamptz not null default now()
);

create table if not exists events (
    event_id      varchar primary key,   -- folder name under seeds/
    title         varchar not null,
    summary       varchar,
    window_start  timestamptz not null,
    window_end    timestamptz not null,
    keywords      varchar[],
    parties       json,                  -- [{id, name, aliases, loaded_aliases}] from event.toml
    updated_at    timestamptz not null default now()
);

create table if not exists runs (
    run_id        varchar primary key,
    event_id      varchar not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    status        varchar not null,      -- running | completed | completed_with_failures | failed
    model         varchar,
    settings      json,
    counts        json
);

create table if not exists discovered_items (
    event_id      varchar not null,
    outlet_id     varchar not null,
    url           varchar not null,      -- the article URL as listed (feed item, sitemap entry, event.toml)
    source        varchar not null,      -- feed | sitemap | event_url | event_file
    listed_in     varchar,               -- the feed or sitemap URL it came from
    title         varchar,
    summary       varchar,
    published_at  timestamptz,
    discovered_at timestamptz not null default now(),
    primary key (event_id, url)
);

create table if not exists fetch_log (
    run_id        varchar,
    url           varchar not null,
    attempt       integer not null,
    status        integer,               -- HTTP status, null when no response
    outcome       varchar not null,      -- ok | not_modified | http_error | timeout | too_large | robots_disallowed | refused_address | ...
    error         varchar,
    bytes         bigint,
    elapsed_s     double,
    started_at    timestamptz not null
);

create table if not exists raw_pages (
    content_sha256 varchar primary key,  -- sha256 of the page's bytes (content-addressed)
    compression    varchar not null,     -- zstd
    body           blob not null,
    n_bytes        bigint not null,
    content_type   varchar,
    charset        varchar
);

create table if not exists page_fetches (
    url            varchar primary key,  -- the URL fetched
    final_url      varchar,
    content_sha256 varchar,              -- raw_pages key of the latest good body
    etag           varchar,
    last_modified  varchar,
    status         integer,
    outcome        varchar,
    fetched_at     timestamptz not null
);

create table if not exists articles (
    article_id     varchar primary key,  -- stable per (event, outlet, canonical URL)
    event_id       varchar not null,
    outlet_id      varchar not null,
    url            varchar not null,     -- the URL fetched
    canonical_url  varchar,              -- the page's own canonical URL (utm variants collapse onto it)
    title          varchar,
    author         varchar,
    site_name      varchar,
    published_at   timestamptz,
    text           varchar not null,
    text_sha256    varchar not null,
    content_sha256 varchar,              -- raw_pages key it was extracted from
    revision       integer not null,     -- 1 for the first text seen, +1 each time the text changes
    fetched_at     timestamptz,
    extracted_at   timestamptz not null
);

create table if not exists article_revisions (
    article_id     varchar not null,
    revision       integer not null,
    text           varchar not null,
    text_sha256    varchar not null,
    title          varchar,
    content_sha256 varchar,
    seen_at        timestamptz not null,
    primary key (article_id, revision)
);

create table if not exists sentences (
    sentence_id    varchar primary key,  -- article_id + revision + position
    article_id     varchar not null,
    position       integer not null,     -- 0 = headline, then body sentences in order
    part           varchar not null,     -- title | body
    text           varchar not null,
    char_start     integer not null,     -- offsets into articles.title (part = title) or articles.text (part = body)
    char_end       integer not null,
    n_words        integer not null,
    sentence_sha256 varchar not null     -- sha256 of the normalised text: the embedding cache key
);

create table if not exists embeddings (
    sentence_sha256 varchar not null,
    model          varchar not null,     -- model name or path as configured
    dim            integer not null,
    vector         float[] not null,     -- L2-normalised
    created_at     timestamptz not null default now(),
    primary key (sentence_sha256, model)
);

create table if not exists alignment_candidates (
    event_id       varchar not null,
    model          varchar not null,
    sentence_a     varchar not null,
    sentence_b     varchar not null,
    outlet_a       varchar not null,
    outlet_b       varchar not null,
    cosine         double not null,
    margin         double not null,      -- cosine over the mean cosine of both sentences' k nearest neighbours
    rank_a         integer not null,     -- rank of b among a's neighbours in outlet_b (1 = best)
    rank_b         integer not null      -- rank of a among b's neighbours in outlet_a
);

create table if not exists claims (
    claim_id       varchar primary key,
    event_id       varchar not null,
    model          varchar not null,
    n_outlets      integer not null,
    label          varchar not null,     -- the member sentence closest to the others
    first_position double,               -- mean relative position in the articles (0 = top)
    created_at     timestamptz not null default now()
);

create table if not exists claim_sentences (
    claim_id       varchar not null,
    sentence_id    varchar not null,
    outlet_id      varchar not null,
    similarity     double not null,      -- mean cosine to the claim's other sentences
    primary key (claim_id, sentence_id)
);
