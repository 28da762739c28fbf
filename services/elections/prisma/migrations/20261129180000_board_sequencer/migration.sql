-- The board is appended by a sequencer in batches, after the cast has committed, instead of inside
-- every cast (where the board head's row lock, held through each commit, put every cast of an election
-- in one line). A ballot waits with no position until the sequencer takes it.
ALTER TABLE "ballots" ADD COLUMN "board_position" INTEGER;
CREATE INDEX "ballots_unboarded_idx" ON "ballots"("election_id", "round", "seq") WHERE "board_position" IS NULL;
CREATE INDEX "ballots_election_id_tracking_code_idx" ON "ballots"("election_id", "tracking_code");
-- Ballots already on the board (cast before this change) get their positions.
UPDATE "ballots" b SET "board_position" = e."position"
FROM "ballot_board_entries" e WHERE e."election_id" = b."election_id" AND e."ballot_hash" = b."ballot_hash";
