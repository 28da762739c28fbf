-- The public bulletin board of cast ballots: a hash chain per election round (ballot-crypto's
-- `boardEntryHash`, from the ceremony's base hash), appended in the cast's transaction.
CREATE TABLE "ballot_board_heads" (
    "election_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "base_hash" TEXT NOT NULL,
    "length" INTEGER NOT NULL,
    "head_hash" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ballot_board_heads_pkey" PRIMARY KEY ("election_id", "round"),
    CONSTRAINT "ballot_board_heads_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ballot_board_heads_length_check" CHECK ("length" >= 0)
);

CREATE TABLE "ballot_board_entries" (
    "election_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "ballot_hash" TEXT NOT NULL,
    "tracking_code" TEXT NOT NULL,
    "previous_hash" TEXT NOT NULL,
    "entry_hash" TEXT NOT NULL,
    CONSTRAINT "ballot_board_entries_pkey" PRIMARY KEY ("election_id", "round", "position"),
    CONSTRAINT "ballot_board_entries_head_fkey" FOREIGN KEY ("election_id", "round") REFERENCES "ballot_board_heads"("election_id", "round") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ballot_board_entries_ballot_fkey" FOREIGN KEY ("election_id", "ballot_hash") REFERENCES "ballots"("election_id", "ballot_hash") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ballot_board_entries_position_check" CHECK ("position" >= 0)
);
CREATE UNIQUE INDEX "ballot_board_entries_election_id_ballot_hash_key" ON "ballot_board_entries"("election_id", "ballot_hash");
CREATE INDEX "ballot_board_entries_election_id_tracking_code_idx" ON "ballot_board_entries"("election_id", "tracking_code");

-- Append-only: an entry is never changed or removed.
CREATE FUNCTION "ballot_board_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the bulletin board is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER "ballot_board_entries_append_only"
    BEFORE UPDATE OR DELETE ON "ballot_board_entries"
    FOR EACH ROW EXECUTE FUNCTION "ballot_board_entries_append_only"();
