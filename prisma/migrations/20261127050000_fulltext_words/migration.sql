-- Full text finds words inside paths, URLs and key=value pairs, and ingest
-- computes each event's words itself.
--
-- PostgreSQL's default parser keeps '/etc/shadow', 'user@example.com' or
-- 'https://…/k.sh' as single lexemes, so a search for `shadow` missed
-- "cat /etc/shadow" while the in-memory rule matcher found it. Words are now
-- runs of letters and digits: punctuation separates them, except a dot between
-- two digits ('10.0.2.17' and 'v1.30.0' stay one word: as a phrase of
-- '10','0','2','17' an address search rechecked thousands of rows, 230 ms
-- instead of 1 ms over a day of 1M events). A query term of several words is
-- a phrase (lib/search/query/words.ts).
--
-- `search` stops being a generated column: ingest writes it as a tsvector
-- literal built by words.ts (tsvectorLiteral), the definition the rule
-- matcher uses too, and PostgreSQL only parses the literal (≈3 µs a row
-- instead of ≈27 µs for the expression below). Rows stored before this
-- migration get the same words from the expression: the dot between digits
-- kept as U+01C2 (a letter to the parser, as in words.ts), then ASCII
-- punctuation as spaces, over the first 100,000 characters with identity
-- fields first (a tsvector cannot exceed 1 MB; one hostile log line of
-- distinct words used to fail the insert of its whole batch).
-- tests/integration/search-fulltext-words.test.ts holds the expression and
-- words.ts to the same output.
--
-- ADD … GENERATED then DROP EXPRESSION: one rewrite of every partition
-- (≈50 s per million events on 2 cores) and the column keeps its values.
-- The GIN index goes with the old column and is rebuilt below.
ALTER TABLE "events" DROP COLUMN "search";

ALTER TABLE "events" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, regexp_replace(regexp_replace(left(
        coalesce("actor", '') || ' ' || coalesce("object_name", '') || ' ' ||
        coalesce("pod", '') || ' ' || coalesce("namespace", '') || ' ' ||
        coalesce("node", '') || ' ' || coalesce("message", ''), 100000),
        '([0-9])\.(?=[0-9])', E'\\1\u01C2', 'g'),
        '[!-/:-@[-`{-~]+', ' ', 'g'))
) STORED;

ALTER TABLE "events" ALTER COLUMN "search" DROP EXPRESSION;

CREATE INDEX "events_search_idx" ON "events" USING GIN ("search");
