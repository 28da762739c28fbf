-- Sittings (meetings of a body), attendance at the door, and yes/no/abstain polls on motions.
CREATE TABLE "sittings" (
    "sitting_id" UUID NOT NULL,
    "body_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3) NOT NULL,
    "meeting" TEXT NOT NULL,
    "first_sitting_id" UUID,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "quorum_fallback" TEXT NOT NULL,
    "minimum_attendance" INTEGER,
    "present_only_voting" BOOLEAN NOT NULL DEFAULT true,
    "roll_size" INTEGER,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "opened_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    CONSTRAINT "sittings_pkey" PRIMARY KEY ("sitting_id"),
    CONSTRAINT "sittings_first_sitting_id_fkey" FOREIGN KEY ("first_sitting_id") REFERENCES "sittings"("sitting_id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "sittings_meeting_check" CHECK ("meeting" IN ('first', 'second')),
    CONSTRAINT "sittings_second_links_first_check" CHECK (("meeting" = 'second') = ("first_sitting_id" IS NOT NULL)),
    CONSTRAINT "sittings_status_check" CHECK ("status" IN ('scheduled', 'open', 'closed')),
    CONSTRAINT "sittings_quorum_fallback_check" CHECK (
        ("quorum_fallback" = 'second-meeting-without-quorum' AND "minimum_attendance" IS NULL)
        OR ("quorum_fallback" = 'minimum-attendance' AND "minimum_attendance" >= 1)
    )
);
CREATE INDEX "sittings_body_id_status_idx" ON "sittings"("body_id", "status");

CREATE TABLE "sitting_attendance" (
    "attendance_id" UUID NOT NULL,
    "sitting_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "representative_name" TEXT,
    "check_in_method" TEXT NOT NULL,
    "checked_in_at" TIMESTAMPTZ(3) NOT NULL,
    "checked_in_by" TEXT NOT NULL,
    "checked_out_at" TIMESTAMPTZ(3),
    "checked_out_by" TEXT,
    CONSTRAINT "sitting_attendance_pkey" PRIMARY KEY ("attendance_id"),
    CONSTRAINT "sitting_attendance_sitting_id_fkey" FOREIGN KEY ("sitting_id") REFERENCES "sittings"("sitting_id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "sitting_attendance_check_in_method_check" CHECK ("check_in_method" IN ('member-id', 'qr')),
    CONSTRAINT "sitting_attendance_check_out_check" CHECK (("checked_out_at" IS NULL) = ("checked_out_by" IS NULL))
);
CREATE INDEX "sitting_attendance_sitting_id_member_id_idx" ON "sitting_attendance"("sitting_id", "member_id");

CREATE TABLE "polls" (
    "poll_id" UUID NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body_id" UUID NOT NULL,
    "visibility" TEXT NOT NULL,
    "majority" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sitting_id" UUID,
    "yes" INTEGER NOT NULL DEFAULT 0,
    "no" INTEGER NOT NULL DEFAULT 0,
    "abstain" INTEGER NOT NULL DEFAULT 0,
    "present" INTEGER,
    "outcome" TEXT,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voting_opened_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    CONSTRAINT "polls_pkey" PRIMARY KEY ("poll_id"),
    CONSTRAINT "polls_sitting_id_fkey" FOREIGN KEY ("sitting_id") REFERENCES "sittings"("sitting_id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "polls_subject_kind_check" CHECK ("subject_kind" IN ('motion')),
    CONSTRAINT "polls_visibility_check" CHECK ("visibility" IN ('open', 'secret')),
    CONSTRAINT "polls_majority_check" CHECK ("majority" IN ('present', 'cast')),
    CONSTRAINT "polls_choices_check" CHECK ("choices" ~ '^(yes|no|abstain)(,(yes|no|abstain))*$'),
    CONSTRAINT "polls_status_check" CHECK ("status" IN ('pending', 'ready', 'voting', 'closed')),
    CONSTRAINT "polls_sitting_check" CHECK (("status" = 'pending') = ("sitting_id" IS NULL)),
    CONSTRAINT "polls_counts_check" CHECK ("yes" >= 0 AND "no" >= 0 AND "abstain" >= 0),
    CONSTRAINT "polls_outcome_check" CHECK (
        ("status" = 'closed' AND "outcome" IN ('adopted', 'rejected') AND "present" IS NOT NULL AND "closed_at" IS NOT NULL)
        OR ("status" <> 'closed' AND "outcome" IS NULL)
    )
);
CREATE INDEX "polls_body_id_status_idx" ON "polls"("body_id", "status");
CREATE INDEX "polls_sitting_id_idx" ON "polls"("sitting_id");

CREATE TABLE "poll_votes" (
    "poll_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "choice" TEXT,
    "receipt_hash" TEXT,
    "voted_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "poll_votes_pkey" PRIMARY KEY ("poll_id", "member_id"),
    CONSTRAINT "poll_votes_poll_id_fkey" FOREIGN KEY ("poll_id") REFERENCES "polls"("poll_id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "poll_votes_choice_check" CHECK ("choice" IS NULL OR "choice" IN ('yes', 'no', 'abstain')),
    -- A vote keeps either its choice (open poll) or a receipt hash (secret poll), never both.
    CONSTRAINT "poll_votes_secrecy_check" CHECK (("choice" IS NULL) <> ("receipt_hash" IS NULL))
);
