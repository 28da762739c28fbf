-- The tally of the ballot box: committee members' verified partial decryptions of a round's
-- encrypted sum, and the plaintext totals combined from k of them.
CREATE TABLE "ballot_partial_decryptions" (
    "election_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "ceremony_id" UUID NOT NULL,
    "member_index" INTEGER NOT NULL,
    "member_id" UUID NOT NULL,
    "partial" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ballot_partial_decryptions_pkey" PRIMARY KEY ("election_id", "round", "member_index"),
    CONSTRAINT "ballot_partial_decryptions_tally_fkey" FOREIGN KEY ("election_id", "round") REFERENCES "ballot_tallies"("election_id", "round") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ballot_partial_decryptions_member_index_check" CHECK ("member_index" >= 1)
);
CREATE UNIQUE INDEX "ballot_partial_decryptions_election_id_round_member_id_key" ON "ballot_partial_decryptions"("election_id", "round", "member_id");

CREATE TABLE "ballot_results" (
    "election_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "ceremony_id" UUID NOT NULL,
    "ballot_count" INTEGER NOT NULL,
    "totals" JSONB NOT NULL,
    "members" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ballot_results_pkey" PRIMARY KEY ("election_id", "round"),
    CONSTRAINT "ballot_results_tally_fkey" FOREIGN KEY ("election_id", "round") REFERENCES "ballot_tallies"("election_id", "round") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ballot_results_count_check" CHECK ("ballot_count" >= 0)
);
