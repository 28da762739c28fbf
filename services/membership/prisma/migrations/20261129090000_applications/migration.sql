-- Membership applications (individual and institutional), review decisions, uploaded documents and
-- submission idempotency keys.
CREATE TYPE "ApplicationStatus" AS ENUM ('submitted', 'returned', 'approved', 'rejected');
CREATE TYPE "ApplicationOutcome" AS ENUM ('approved', 'rejected', 'returned');

CREATE TABLE "membership_applications" (
    "id" UUID NOT NULL,
    "kind" "MemberKind" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'submitted',
    "display_name" TEXT NOT NULL,
    "email" TEXT NOT NULL CHECK ("email" = lower("email")),
    "tc_kimlik_digest" TEXT CHECK ("tc_kimlik_digest" ~ '^[0-9a-f]{64}$'),
    "derbis_number" TEXT CHECK ("derbis_number" ~ '^(0[1-9]|[1-7][0-9]|8[01])-[0-9]{3}-[0-9]{3}$'),
    "institution_kind" TEXT CHECK ("institution_kind" IN ('association', 'foundation', 'chamber', 'union', 'university', 'public-body', 'other')),
    "form" JSONB NOT NULL,
    "kvkk_consent_version" TEXT,
    "kvkk_consented_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "resubmissions" INTEGER NOT NULL DEFAULT 0,
    "member_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "membership_applications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "membership_applications_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- An individual has a TC Kimlik digest and a KVKK consent; an institution has a kind and no TC Kimlik.
    CONSTRAINT "membership_applications_kind_fields_check" CHECK (
        ("kind" = 'individual' AND "tc_kimlik_digest" IS NOT NULL AND "kvkk_consent_version" IS NOT NULL AND "kvkk_consented_at" IS NOT NULL
            AND "institution_kind" IS NULL AND "derbis_number" IS NULL)
        OR ("kind" = 'institutional' AND "tc_kimlik_digest" IS NULL AND "institution_kind" IS NOT NULL)
    ),
    CONSTRAINT "membership_applications_member_check" CHECK (("status" = 'approved') = ("member_id" IS NOT NULL))
);
CREATE INDEX "membership_applications_kind_status_submitted_at_idx" ON "membership_applications"("kind", "status", "submitted_at");
CREATE INDEX "membership_applications_tc_kimlik_digest_idx" ON "membership_applications"("tc_kimlik_digest");
CREATE INDEX "membership_applications_derbis_number_idx" ON "membership_applications"("derbis_number");
CREATE INDEX "membership_applications_email_idx" ON "membership_applications"("email");
CREATE UNIQUE INDEX "membership_applications_member_id_key" ON "membership_applications"("member_id") WHERE "member_id" IS NOT NULL;

CREATE TABLE "application_decisions" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "outcome" "ApplicationOutcome" NOT NULL,
    "reason" TEXT,
    "decision_number" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "decided_by" TEXT NOT NULL,
    "decider_role" TEXT NOT NULL CHECK ("decider_role" IN ('executive-board', 'evaluation-committee')),
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "application_decisions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "application_decisions_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "membership_applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "application_decisions_reason_check" CHECK ("outcome" = 'approved' OR "reason" IS NOT NULL)
);
CREATE INDEX "application_decisions_application_id_recorded_at_idx" ON "application_decisions"("application_id", "recorded_at");

CREATE TABLE "application_documents" (
    "sha256" TEXT NOT NULL CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
    "content_type" TEXT NOT NULL CHECK ("content_type" IN ('application/pdf', 'image/png', 'image/jpeg')),
    "size_bytes" INTEGER NOT NULL CHECK ("size_bytes" > 0),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "application_documents_pkey" PRIMARY KEY ("sha256")
);

CREATE TABLE "application_idempotency_keys" (
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "application_id" UUID NOT NULL,
    "response_status" INTEGER NOT NULL,
    "response_body" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "application_idempotency_keys_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "application_idempotency_keys_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "membership_applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "application_idempotency_keys_created_at_idx" ON "application_idempotency_keys"("created_at");
