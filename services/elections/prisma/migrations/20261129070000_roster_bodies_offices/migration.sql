-- The roster read model grows: representatives, bodies, body memberships and offices held.
ALTER TABLE "roster_members" ADD COLUMN "representative_name" TEXT;
ALTER TABLE "roster_members" ADD COLUMN "representative_since" DATE;

CREATE TABLE "roster_bodies" (
    "body_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "roster_bodies_pkey" PRIMARY KEY ("body_id")
);

CREATE TABLE "roster_body_memberships" (
    "body_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "joined_on" DATE NOT NULL,
    "left_on" DATE,
    CONSTRAINT "roster_body_memberships_pkey" PRIMARY KEY ("body_id", "member_id", "joined_on")
);
CREATE INDEX "roster_body_memberships_member_id_idx" ON "roster_body_memberships"("member_id");

CREATE TYPE "Seat" AS ENUM ('full', 'substitute');

CREATE TABLE "roster_offices" (
    "office_record_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "body_id" UUID NOT NULL,
    "office" TEXT NOT NULL,
    "seat" "Seat" NOT NULL,
    "period_start" INTEGER NOT NULL,
    "term" INTEGER NOT NULL,
    "from_date" DATE NOT NULL,
    "to_date" DATE,
    "ended_on" DATE,
    "end_reason" TEXT,
    CONSTRAINT "roster_offices_pkey" PRIMARY KEY ("office_record_id")
);
CREATE INDEX "roster_offices_member_id_office_body_id_idx" ON "roster_offices"("member_id", "office", "body_id");
