-- Elections: settings, schedule, committee, audit, frozen roll, candidacies, objections, rounds,
-- results and the committee's approvals.
CREATE TABLE "elections" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "office" TEXT NOT NULL,
    "body_id" UUID NOT NULL,
    "body_kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "period_start" INTEGER NOT NULL,
    "term" INTEGER NOT NULL,
    "term_start" DATE NOT NULL,
    "term_end" DATE NOT NULL,
    "voting_day" DATE NOT NULL,
    "candidacy_opens_on" DATE NOT NULL,
    "candidacy_closes_on" DATE NOT NULL,
    "objections_close_on" DATE NOT NULL,
    "roll_freeze_on" DATE NOT NULL,
    "announced_on" DATE,
    "committee_threshold" INTEGER NOT NULL,
    "lot_seed" TEXT NOT NULL,
    "lot_seed_hash" TEXT NOT NULL,
    "registered" INTEGER,
    "roll_frozen_at" TIMESTAMPTZ(3),
    "certified_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "elections_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "elections_office_check" CHECK ("office" IN ('president', 'executive-board', 'secretary-general', 'facilitator', 'co-spokesperson')),
    CONSTRAINT "elections_status_check" CHECK ("status" IN ('draft', 'announced', 'candidacy-open', 'candidacy-closed', 'roll-frozen', 'voting-open', 'voting-closed', 'tallied', 'certified', 'cancelled')),
    CONSTRAINT "elections_term_check" CHECK ("term" IN (1, 2)),
    CONSTRAINT "elections_round_check" CHECK ("round" >= 1),
    CONSTRAINT "elections_threshold_check" CHECK ("committee_threshold" >= 1)
);
CREATE INDEX "elections_body_id_idx" ON "elections"("body_id");

CREATE TABLE "election_committee_members" (
    "election_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    CONSTRAINT "election_committee_members_pkey" PRIMARY KEY ("election_id", "member_id")
);

CREATE TABLE "election_audit" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "election_id" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT,
    "round" INTEGER,
    "reason" TEXT,
    "details" JSONB,
    CONSTRAINT "election_audit_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "election_audit_election_id_seq_idx" ON "election_audit"("election_id", "seq");

CREATE TABLE "election_roll" (
    "election_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "kind" "MemberKind" NOT NULL,
    "voting_gender" "Gender" NOT NULL,
    "display_name" TEXT NOT NULL,
    CONSTRAINT "election_roll_pkey" PRIMARY KEY ("election_id", "member_id")
);

CREATE TABLE "election_candidacies" (
    "id" UUID NOT NULL,
    "election_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "slot" TEXT,
    "nominated_by" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "refusals" JSONB NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawn_at" TIMESTAMPTZ(3),
    CONSTRAINT "election_candidacies_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "election_candidacies_status_check" CHECK ("status" IN ('standing', 'withdrawn', 'struck')),
    CONSTRAINT "election_candidacies_slot_check" CHECK ("slot" IS NULL OR "slot" IN ('female', 'male'))
);
CREATE UNIQUE INDEX "election_candidacies_election_id_member_id_key" ON "election_candidacies"("election_id", "member_id");

CREATE TABLE "election_objections" (
    "id" UUID NOT NULL,
    "election_id" UUID NOT NULL,
    "objector_id" UUID NOT NULL,
    "candidate_member_id" UUID,
    "grounds" TEXT NOT NULL,
    "filed_at" TIMESTAMPTZ(3) NOT NULL,
    "decision" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "reason" JSONB,
    CONSTRAINT "election_objections_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "election_objections_decision_check" CHECK ("decision" IS NULL OR "decision" IN ('upheld', 'rejected'))
);
CREATE INDEX "election_objections_election_id_idx" ON "election_objections"("election_id");

CREATE TABLE "election_rounds" (
    "election_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "president_round" INTEGER,
    "candidate_ids" JSONB NOT NULL,
    "carried_ids" JSONB NOT NULL,
    "places" INTEGER,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "ballots_cast" INTEGER,
    "blank_ballots" INTEGER,
    "invalid_ballots" INTEGER,
    "present" INTEGER,
    "totals" JSONB,
    "decision" JSONB,
    "tallied_by" TEXT,
    "tallied_at" TIMESTAMPTZ(3),
    CONSTRAINT "election_rounds_pkey" PRIMARY KEY ("election_id", "round"),
    CONSTRAINT "election_rounds_purpose_check" CHECK ("purpose" IN ('first', 'president-round-2', 'president-round-3', 'revote'))
);

CREATE TABLE "election_results" (
    "election_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "election_results_pkey" PRIMARY KEY ("election_id")
);

CREATE TABLE "election_approvals" (
    "election_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "result_hash" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "token_id" TEXT,
    "approved_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "election_approvals_pkey" PRIMARY KEY ("election_id", "member_id")
);

-- A result and its approvals are written once and never changed.
CREATE FUNCTION "election_write_once"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are written once and never changed', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER "election_results_write_once" BEFORE UPDATE OR DELETE ON "election_results"
    FOR EACH ROW EXECUTE FUNCTION "election_write_once"();
CREATE TRIGGER "election_approvals_write_once" BEFORE UPDATE OR DELETE ON "election_approvals"
    FOR EACH ROW EXECUTE FUNCTION "election_write_once"();
