-- The ballot record: committee members' signatures over a round's result hash (ballot-crypto's
-- `resultHash`), checked against the member's ceremony key before they are stored.
CREATE TABLE "ballot_result_signatures" (
    "election_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "member_index" INTEGER NOT NULL,
    "member_id" UUID NOT NULL,
    "result_hash" TEXT NOT NULL,
    "signature" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ballot_result_signatures_pkey" PRIMARY KEY ("election_id", "round", "member_index"),
    CONSTRAINT "ballot_result_signatures_result_fkey" FOREIGN KEY ("election_id", "round") REFERENCES "ballot_results"("election_id", "round") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ballot_result_signatures_member_index_check" CHECK ("member_index" >= 1)
);

-- Voting in round "closes_round" closes by itself at "closes_at" when the committee set a time (a worker
-- process closes it).
ALTER TABLE "ballot_boxes" ADD COLUMN "closes_at" TIMESTAMPTZ(3);
ALTER TABLE "ballot_boxes" ADD COLUMN "closes_round" INTEGER;
ALTER TABLE "ballot_boxes" ADD CONSTRAINT "ballot_boxes_closing_check" CHECK (("closes_at" IS NULL) = ("closes_round" IS NULL));

-- A complete ceremony may be superseded before voting opens (its candidates changed): completed_at then
-- stays, as the record of when that attempt completed.
ALTER TABLE "ballot_ceremonies" DROP CONSTRAINT "ballot_ceremonies_complete_check";
ALTER TABLE "ballot_ceremonies" ADD CONSTRAINT "ballot_ceremonies_complete_check"
    CHECK (("status" <> 'complete' OR "completed_at" IS NOT NULL) AND ("status" <> 'collecting' OR "completed_at" IS NULL));
