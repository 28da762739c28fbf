-- A ballot waiting for the board is a row in a narrow queue instead of a NULL position on the ballot.
-- Marking a ballot placed was an UPDATE of the wide ballot row that could never be HOT (the position
-- sat in a partial index's predicate), so every one of its indexes took a new entry; now the sequencer
-- deletes the queue rows it appended. The position is read from the board entries.
CREATE TABLE "ballot_board_queue" (
    "ballot_id" UUID NOT NULL,
    "election_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "seq" BIGINT NOT NULL,

    CONSTRAINT "ballot_board_queue_pkey" PRIMARY KEY ("ballot_id")
);
CREATE INDEX "ballot_board_queue_election_id_round_seq_idx" ON "ballot_board_queue"("election_id", "round", "seq");

INSERT INTO "ballot_board_queue" ("ballot_id", "election_id", "round", "seq")
SELECT "id", "election_id", "round", "seq" FROM "ballots" WHERE "board_position" IS NULL;

DROP INDEX "ballots_unboarded_idx";
ALTER TABLE "ballots" DROP COLUMN "board_position";
