-- Full text finds words inside paths, URLs and key=value pairs.
--
-- PostgreSQL's default parser keeps '/etc/shadow', 'user@example.com' or
-- 'https://…/k.sh' as single lexemes, so a search for `shadow` missed
-- "cat /etc/shadow" while the in-memory rule matcher found it. ASCII
-- punctuation now becomes a space before to_tsvector, and the query side
-- (lib/search/query/words.ts, which mirrors every step here) searches a term
-- of several words as a phrase, so `/etc/shadow` still means "etc" followed
-- by "shadow".
--
-- A dot between two digits is kept as U+01C2 (a letter to the parser) first,
-- so '10.0.2.17' and 'v1.30.0' stay one word: as a phrase of '10','0','2','17'
-- an address search rechecked thousands of rows (230 ms instead of 1 ms over a
-- day of 1M events).
--
-- Only the first 100,000 characters are indexed, identity fields first: a
-- tsvector cannot exceed 1 MB, and one hostile log line of distinct words
-- used to fail the insert of its whole batch. 100,000 characters (at most
-- 400 kB of UTF-8) always fit.
--
-- regexp_replace rather than translate(): translate() costs ≈28 µs per row on
-- a UTF-8 database, the character-class replace ≈10 µs.
--
-- DROP + ADD instead of ALTER … SET EXPRESSION so PostgreSQL 15 and 16 can
-- run it too. It rewrites every partition once (≈70 s per million events
-- on 2 cores); the GIN index goes with the old column and is rebuilt below.
ALTER TABLE "events" DROP COLUMN "search";

ALTER TABLE "events" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, regexp_replace(regexp_replace(left(
        coalesce("actor", '') || ' ' || coalesce("object_name", '') || ' ' ||
        coalesce("pod", '') || ' ' || coalesce("namespace", '') || ' ' ||
        coalesce("node", '') || ' ' || coalesce("message", ''), 100000),
        '([0-9])\.(?=[0-9])', E'\\1\u01C2', 'g'),
        '[!-/:-@[-`{-~]+', ' ', 'g'))
) STORED;

CREATE INDEX "events_search_idx" ON "events" USING GIN ("search");
