-- purpose: bring a database made before 2026-11-30 to the schema of 001–003 as they ship now.
-- 002_detect.sql and 003_revisions.sql were edited after they first shipped, and a database records a migration by
-- file name only, so a database that applied an earlier text of them never got the later columns and tables.
-- Every statement here is a no-op on a database that applied the current texts. (A repaired table may hold its
-- added columns in another order than a fresh one; every insert names its columns.) Shipped files are never edited
-- again: tests/test_migrations.py pins their checksums (sql/schema/CHECKSUMS); a change is a new NNN_*.sql file.

-- 003_revisions.sql at 6f4b942 had no hop_url
alter table fetch_log add column if not exists hop_url varchar;

-- 002_detect.sql at 74ee51c: initiator columns on sentence_analysis, no sentence_initiators, fewer act/number columns
alter table sentence_analysis drop column if exists initiator_party;
alter table sentence_analysis drop column if exists initiator_action;
alter table sentence_analysis drop column if exists initiator_target;

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

alter table sentence_acts add column if not exists reported boolean default false;  -- inside a source's attributed claim
update sentence_acts set reported = false where reported is null;
alter table sentence_acts alter column reported set not null;
alter table sentence_acts add column if not exists evidence varchar;                -- the words the act was read from
alter table sentence_numbers add column if not exists unit varchar;                 -- the counted noun
