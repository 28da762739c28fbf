-- The ballot box: key ceremony (public material only), voter credentials, encrypted ballots,
-- the encrypted running sum, and idempotent casting.
CREATE TABLE "ballot_boxes" (
    "election_id" UUID NOT NULL,
    "recast" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ballot_boxes_pkey" PRIMARY KEY ("election_id"),
    CONSTRAINT "ballot_boxes_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ballot_boxes_recast_check" CHECK ("recast" IN ('one', 'last-counts'))
);

CREATE TABLE "ballot_ceremonies" (
    "id" UUID NOT NULL,
    "election_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "participants" JSONB NOT NULL,
    "threshold" INTEGER NOT NULL,
    "manifest" JSONB NOT NULL,
    "parameters" JSONB NOT NULL,
    "parameters_hash" TEXT NOT NULL,
    "base_hash" TEXT,
    "joint_key" TEXT,
    "fingerprint" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    "superseded_at" TIMESTAMPTZ(3),
    "exclusion" JSONB,
    CONSTRAINT "ballot_ceremonies_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ballot_ceremonies_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ballot_ceremonies_status_check" CHECK ("status" IN ('collecting', 'complete', 'superseded')),
    CONSTRAINT "ballot_ceremonies_complete_check" CHECK (("status" = 'complete') = ("completed_at" IS NOT NULL)),
    CONSTRAINT "ballot_ceremonies_key_check" CHECK ("status" <> 'complete' OR ("joint_key" IS NOT NULL AND "fingerprint" IS NOT NULL AND "base_hash" IS NOT NULL))
);
CREATE UNIQUE INDEX "ballot_ceremonies_election_id_round_attempt_key" ON "ballot_ceremonies"("election_id", "round", "attempt");
-- At most one live (collecting or complete) attempt per round.
CREATE UNIQUE INDEX "ballot_ceremonies_live_key" ON "ballot_ceremonies"("election_id", "round") WHERE "status" <> 'superseded';

CREATE TABLE "ballot_ceremony_announcements" (
    "ceremony_id" UUID NOT NULL,
    "member_index" INTEGER NOT NULL,
    "member_id" UUID NOT NULL,
    "announcement" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ballot_ceremony_announcements_pkey" PRIMARY KEY ("ceremony_id", "member_index"),
    CONSTRAINT "ballot_ceremony_announcements_ceremony_id_fkey" FOREIGN KEY ("ceremony_id") REFERENCES "ballot_ceremonies"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "ballot_ceremony_envelopes" (
    "ceremony_id" UUID NOT NULL,
    "from_index" INTEGER NOT NULL,
    "to_index" INTEGER NOT NULL,
    "envelope" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ballot_ceremony_envelopes_pkey" PRIMARY KEY ("ceremony_id", "from_index", "to_index"),
    CONSTRAINT "ballot_ceremony_envelopes_ceremony_id_fkey" FOREIGN KEY ("ceremony_id") REFERENCES "ballot_ceremonies"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ballot_ceremony_envelopes_not_self_check" CHECK ("from_index" <> "to_index")
);

CREATE TABLE "ballot_ceremony_confirmations" (
    "ceremony_id" UUID NOT NULL,
    "member_index" INTEGER NOT NULL,
    "base_hash" TEXT NOT NULL,
    "signature" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ballot_ceremony_confirmations_pkey" PRIMARY KEY ("ceremony_id", "member_index"),
    CONSTRAINT "ballot_ceremony_confirmations_ceremony_id_fkey" FOREIGN KEY ("ceremony_id") REFERENCES "ballot_ceremonies"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "ballot_credentials" (
    "election_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "voter_binding" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ballot_credentials_pkey" PRIMARY KEY ("election_id", "member_id"),
    CONSTRAINT "ballot_credentials_roll_fkey" FOREIGN KEY ("election_id", "member_id") REFERENCES "election_roll"("election_id", "member_id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ballot_credentials_voter_binding_key" ON "ballot_credentials"("voter_binding");

CREATE TABLE "ballots" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "election_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "ceremony_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "content" JSONB NOT NULL,
    "ballot_hash" TEXT NOT NULL,
    "tracking_code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "single" BOOLEAN NOT NULL,
    "refusal" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    CONSTRAINT "ballots_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ballots_ceremony_id_fkey" FOREIGN KEY ("ceremony_id") REFERENCES "ballot_ceremonies"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ballots_credential_fkey" FOREIGN KEY ("election_id", "member_id") REFERENCES "ballot_credentials"("election_id", "member_id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ballots_status_check" CHECK ("status" IN ('received', 'accepted', 'refused', 'superseded')),
    CONSTRAINT "ballots_refusal_check" CHECK (("status" = 'refused') = ("refusal" IS NOT NULL)),
    CONSTRAINT "ballots_decided_check" CHECK (("status" = 'received') = ("decided_at" IS NULL))
);
CREATE UNIQUE INDEX "ballots_election_id_ballot_hash_key" ON "ballots"("election_id", "ballot_hash");
CREATE INDEX "ballots_election_id_round_member_id_idx" ON "ballots"("election_id", "round", "member_id");
-- What the verification reconciler scans.
CREATE INDEX "ballots_received_idx" ON "ballots"("seq") WHERE "status" = 'received';
-- The `one` rule in the database: one live ballot per voter and round.
CREATE UNIQUE INDEX "ballots_one_live_key" ON "ballots"("election_id", "round", "member_id") WHERE "single" AND "status" IN ('received', 'accepted');
-- Under `last-counts`, at most one counted ballot per voter and round.
CREATE UNIQUE INDEX "ballots_one_counted_key" ON "ballots"("election_id", "round", "member_id") WHERE "status" = 'accepted';

CREATE TABLE "ballot_tallies" (
    "election_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "ballot_count" INTEGER NOT NULL,
    "sums" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ballot_tallies_pkey" PRIMARY KEY ("election_id", "round"),
    CONSTRAINT "ballot_tallies_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ballot_tallies_count_check" CHECK ("ballot_count" >= 0)
);

CREATE TABLE "ballot_idempotency_keys" (
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER NOT NULL,
    "response_body" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ballot_idempotency_keys_pkey" PRIMARY KEY ("key")
);

-- Safety net under the lifecycle: an election whose key ceremony has started cannot open voting
-- for that round until the ceremony is complete (the service refuses earlier with a clear 409).
CREATE FUNCTION "ballot_box_voting_needs_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."status" = 'voting-open' AND OLD."status" IS DISTINCT FROM 'voting-open'
       AND EXISTS (SELECT 1 FROM "ballot_ceremonies" c WHERE c."election_id" = NEW."id" AND c."round" = NEW."round" AND c."status" = 'collecting') THEN
        RAISE EXCEPTION 'ballot box: the key ceremony of election % round % is not complete', NEW."id", NEW."round"
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "elections_voting_needs_key" BEFORE UPDATE OF "status" ON "elections"
    FOR EACH ROW EXECUTE FUNCTION "ballot_box_voting_needs_key"();
