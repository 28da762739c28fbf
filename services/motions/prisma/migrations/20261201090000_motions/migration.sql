-- Motions, their revisions, sponsors, attachments, relations and audited transitions; GA agendas; the
-- municipal council's meeting calendar.
CREATE TABLE "agendas" (
    "id" UUID NOT NULL,
    "body_id" UUID NOT NULL,
    "meeting_on" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "agendas_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "municipal_meetings" (
    "id" UUID NOT NULL,
    "meeting_on" DATE NOT NULL,
    "agenda_recorded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "municipal_meetings_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "municipal_meetings_meeting_on_key" ON "municipal_meetings"("meeting_on");

CREATE TABLE "motions" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "topic" TEXT NOT NULL CHECK ("topic" IN ('planning', 'infrastructure', 'environment', 'transport', 'culture', 'social', 'other')),
    "origin_kind" TEXT NOT NULL CHECK ("origin_kind" IN ('assembly', 'working-group', 'executive-board', 'members')),
    "origin_body_id" UUID,
    "origin_name" TEXT,
    "submitter_id" TEXT NOT NULL,
    "submitter_name" TEXT NOT NULL,
    "state" TEXT NOT NULL CHECK ("state" IN ('draft', 'submitted', 'under-review', 'returned', 'accepted', 'on-agenda', 'voting', 'adopted', 'rejected', 'merged', 'sent', 'on-municipal-agenda', 'in-commission', 'decided', 'closed', 'withdrawn')),
    "revision" INTEGER NOT NULL DEFAULT 1,
    "merged_into_id" UUID,
    "agenda_id" UUID,
    "agenda_position" INTEGER,
    "poll_id" UUID,
    "poll_yes" INTEGER,
    "poll_no" INTEGER,
    "poll_abstain" INTEGER,
    "poll_present" INTEGER,
    "poll_majority" TEXT CHECK ("poll_majority" IN ('present', 'cast')),
    "poll_outcome" TEXT CHECK ("poll_outcome" IN ('adopted', 'rejected')),
    "poll_decided_at" TIMESTAMPTZ(3),
    "adopted_at" TIMESTAMPTZ(3),
    "letter_number" TEXT,
    "letter_date" DATE,
    "received_on" DATE,
    "municipal_meeting_id" UUID,
    "municipal_agenda_item" TEXT,
    "municipal_outcome" TEXT CHECK ("municipal_outcome" IN ('accepted', 'rejected', 'amended', 'referred-to-commission')),
    "decision_number" TEXT,
    "decided_on" DATE,
    "decision_text" TEXT,
    "overdue_at" TIMESTAMPTZ(3),
    "overdue_meeting_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "motions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "motions_agenda_id_fkey" FOREIGN KEY ("agenda_id") REFERENCES "agendas"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "motions_municipal_meeting_id_fkey" FOREIGN KEY ("municipal_meeting_id") REFERENCES "municipal_meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "motions_number_key" ON "motions"("number");
CREATE UNIQUE INDEX "motions_poll_id_key" ON "motions"("poll_id");
CREATE INDEX "motions_state_idx" ON "motions"("state");
CREATE INDEX "motions_topic_idx" ON "motions"("topic");
-- One place per position on an agenda.
CREATE UNIQUE INDEX "motions_agenda_position_key" ON "motions"("agenda_id", "agenda_position") WHERE "agenda_id" IS NOT NULL;

CREATE TABLE "motion_revisions" (
    "motion_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "motion_revisions_pkey" PRIMARY KEY ("motion_id", "revision"),
    CONSTRAINT "motion_revisions_motion_id_fkey" FOREIGN KEY ("motion_id") REFERENCES "motions"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "motion_sponsors" (
    "motion_id" UUID NOT NULL,
    "member_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" TEXT NOT NULL CHECK ("role" IN ('submitter', 'co-sponsor')),
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "motion_sponsors_pkey" PRIMARY KEY ("motion_id", "member_id"),
    CONSTRAINT "motion_sponsors_motion_id_fkey" FOREIGN KEY ("motion_id") REFERENCES "motions"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "motion_attachments" (
    "id" UUID NOT NULL,
    "motion_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL CHECK ("size_bytes" >= 0),
    "sha256" TEXT NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "motion_attachments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "motion_attachments_motion_id_fkey" FOREIGN KEY ("motion_id") REFERENCES "motions"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "motion_attachments_motion_id_idx" ON "motion_attachments"("motion_id");

CREATE TABLE "motion_relations" (
    "motion_id" UUID NOT NULL,
    "related_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "motion_relations_pkey" PRIMARY KEY ("motion_id", "related_id"),
    CONSTRAINT "motion_relations_motion_id_fkey" FOREIGN KEY ("motion_id") REFERENCES "motions"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "motion_relations_related_id_fkey" FOREIGN KEY ("related_id") REFERENCES "motions"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "motion_relations_distinct_check" CHECK ("motion_id" <> "related_id")
);

CREATE TABLE "motion_transitions" (
    "id" UUID NOT NULL,
    "motion_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_state" TEXT NOT NULL,
    "to_state" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "motion_transitions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "motion_transitions_motion_id_fkey" FOREIGN KEY ("motion_id") REFERENCES "motions"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "motion_transitions_motion_id_at_idx" ON "motion_transitions"("motion_id", "at");
