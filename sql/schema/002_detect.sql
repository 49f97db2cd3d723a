-- purpose: what the detectors read in each sentence, and the disagreements found between outlets.
create table if not exists sentence_analysis (
    sentence_id      varchar primary key,
    event_id         varchar not null,
    outlet_id        varchar not null,
    voice            varchar not null,     -- own | attributed
    attributed_to    varchar,              -- normalised source, e.g. 'Russia Defence Ministry' (null in own voice)
    attributed_party varchar,              -- party id of that source (event.toml), when known
    cue              varchar,              -- the words that attribute it ('said', 'according to', 'accused')
    hostile_act      boolean not null,     -- the sentence describes a hostile act
    background       boolean not null,     -- all its acts are dated apart from the event (1991, the 2020 war)
    places           varchar[],            -- normalised place keys named
    times            varchar[],            -- normalised dates/times named
    loaded_terms     varchar[],            -- loaded terms used (event.toml wording pairs and loaded aliases)
    analysed_at      timestamptz not null default now()
);

create table if not exists sentence_initiators (
    -- whom a sentence presents as having started it / broken the ceasefire, in whose voice
    sentence_id      varchar not null,
    voice            varchar not null,     -- own: the outlet's own words; attributed: inside a source's claim
    attributed_to    varchar,              -- the source (null in own voice)
    attributed_party varchar,
    actor_party      varchar not null,     -- party id, or 'unknown'
    action           varchar,              -- the act that makes it so: attack, fire, violate_ceasefire, provoke, …
    target_party     varchar,
    primary key (sentence_id, voice)
);

create table if not exists sentence_acts (
    sentence_id      varchar not null,
    act_no           integer not null,
    actor_party      varchar,              -- party id, 'unknown' for agentless passives / unnamed actors
    actor_text       varchar,
    action           varchar not null,     -- attack | fire | shell | kill | violate_ceasefire | provoke | seize | retaliate | operation | strike
    target_party     varchar,
    target_text      varchar,
    initiating       boolean not null,
    background       boolean not null,
    negated          boolean not null,
    reported         boolean not null,     -- inside a source's attributed claim
    evidence         varchar,              -- the words the act was read from
    primary key (sentence_id, act_no)
);

create table if not exists sentence_numbers (
    sentence_id      varchar not null,
    number_no        integer not null,
    quantity         varchar not null,     -- killed | wounded | dead | missing | captured | other
    value            double,
    low              double,
    high             double,
    qualifier        varchar not null,     -- exact | at_least | about | range | more_than | up_to
    party            varchar,              -- whose casualties, when said
    unit             varchar,              -- the counted noun (soldiers, servicemen, settlements)
    text             varchar,
    primary key (sentence_id, number_no)
);

create table if not exists claim_disagreements (
    event_id         varchar not null,
    kind             varchar not null,     -- number | place | time | attribution | wording | initiator | self
    claim_id         varchar,
    outlet_a         varchar not null,
    outlet_b         varchar not null,
    sentence_a       varchar not null,     -- sentence ids
    sentence_b       varchar not null,
    value_a          varchar,
    value_b          varchar,
    explanation      varchar not null,
    severity         integer not null      -- 3 = who started it, 2 = facts (numbers, places, times), 1 = framing
);
