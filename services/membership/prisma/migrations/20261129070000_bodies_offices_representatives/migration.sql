-- Bodies, body memberships, offices held, institutional representatives, General Assembly dates.
ALTER TABLE "members" ADD COLUMN "erased_at" TIMESTAMPTZ(3);
CREATE INDEX "members_status_kind_gender_idx" ON "members"("status", "kind", "gender");
CREATE INDEX "members_display_name_search_idx" ON "members" (lower("display_name"));

CREATE TYPE "Seat" AS ENUM ('full', 'substitute');

CREATE TABLE "bodies" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL CHECK ("kind" IN ('general-assembly', 'executive-board', 'assembly', 'working-group', 'election-committee', 'evaluation-committee')),
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMPTZ(3),
    CONSTRAINT "bodies_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "bodies_kind_name_key" ON "bodies"("kind", "name");

CREATE TABLE "body_memberships" (
    "id" UUID NOT NULL,
    "body_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "joined_on" DATE NOT NULL,
    "left_on" DATE,
    CONSTRAINT "body_memberships_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "body_memberships_body_id_fkey" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "body_memberships_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "body_memberships_dates_check" CHECK ("left_on" IS NULL OR "left_on" >= "joined_on")
);
CREATE INDEX "body_memberships_member_id_idx" ON "body_memberships"("member_id");
CREATE INDEX "body_memberships_body_id_left_on_idx" ON "body_memberships"("body_id", "left_on");
-- A member is in a body at most once at a time.
CREATE UNIQUE INDEX "body_memberships_current_key" ON "body_memberships"("body_id", "member_id") WHERE "left_on" IS NULL;

CREATE TABLE "office_records" (
    "id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "body_id" UUID NOT NULL,
    "office" TEXT NOT NULL CHECK ("office" IN ('president', 'executive-board', 'secretary-general', 'facilitator', 'co-spokesperson')),
    "seat" "Seat" NOT NULL,
    "period_start" INTEGER NOT NULL,
    "term" INTEGER NOT NULL CHECK ("term" IN (1, 2)),
    "from_date" DATE NOT NULL,
    "to_date" DATE,
    "ended_on" DATE,
    "end_reason" TEXT CHECK ("end_reason" IN ('term-completed', 'resigned', 'replaced', 'removed', 'membership-ended', 'deceased')),
    "source" TEXT NOT NULL CHECK ("source" IN ('election', 'import', 'staff')),
    "election_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "office_records_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "office_records_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "office_records_body_id_fkey" FOREIGN KEY ("body_id") REFERENCES "bodies"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "office_records_election_id_member_id_key" ON "office_records"("election_id", "member_id");
CREATE INDEX "office_records_member_id_office_idx" ON "office_records"("member_id", "office");

CREATE TABLE "representatives" (
    "id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "seat" "Seat" NOT NULL,
    "display_name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "notified_on" DATE NOT NULL,
    "effective_from" DATE NOT NULL,
    "ended_on" DATE,
    CONSTRAINT "representatives_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "representatives_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "representatives_member_id_seat_idx" ON "representatives"("member_id", "seat");

CREATE TABLE "general_assembly_meetings" (
    "id" UUID NOT NULL,
    "held_on" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "general_assembly_meetings_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "general_assembly_meetings_held_on_key" ON "general_assembly_meetings"("held_on");
