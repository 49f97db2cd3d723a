-- purpose: stories found in the stream of every registered outlet (`rashomon stories discover`): articles of many
-- outlets grouped by what they report, from their title+lead embeddings, named entities and publication dates
-- (rashomon/stories/). The articles themselves are rows of `articles` under the event id '~stories'.
create table if not exists stories (
    story_id        varchar primary key,   -- 's-' + a hash of the story's first article
    title           varchar not null,      -- the title of its most central article (closest to the centroid)
    first_published timestamptz,           -- earliest publication time of its articles
    last_published  timestamptz,           -- latest publication time of its articles
    n_articles      integer not null,
    n_outlets       integer not null,
    merged_into     varchar,               -- set when an article linked it to that story: its articles moved there
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table if not exists story_articles (
    article_id      varchar primary key,   -- articles.article_id (an article belongs to one story)
    story_id        varchar not null,      -- stories.story_id
    outlet_id       varchar not null,
    score           double,                -- its score with the story when it joined; null when it started the story
    entities        varchar[] not null,    -- named entities of its title and lead, lower case
    model           varchar not null,      -- the embedding model of `vector`
    vector          float[] not null,      -- L2-normalised embedding of its title and lead
    added_at        timestamptz not null default now()
);
