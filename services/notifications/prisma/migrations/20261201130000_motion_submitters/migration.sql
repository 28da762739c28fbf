-- Who each motion comes from (submitter, co-signer and origin body ids), kept from the newest motion event
-- that names them, so that a withdrawal (whose event does not) reaches the same people.
CREATE TABLE "audience_motions" (
    "motion_id" UUID NOT NULL,
    "submitted_by" JSONB NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "audience_motions_pkey" PRIMARY KEY ("motion_id")
);
