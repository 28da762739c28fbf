-- Audiences: who belongs to which body, to reach "the members of a body".
CREATE TABLE "audience_members" (
    "member_id" UUID NOT NULL,
    "status" TEXT NOT NULL CHECK ("status" IN ('active', 'suspended', 'terminated')),
    CONSTRAINT "audience_members_pkey" PRIMARY KEY ("member_id")
);

CREATE TABLE "audience_bodies" (
    "body_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    CONSTRAINT "audience_bodies_pkey" PRIMARY KEY ("body_id")
);

CREATE TABLE "audience_body_memberships" (
    "body_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    CONSTRAINT "audience_body_memberships_pkey" PRIMARY KEY ("body_id", "member_id")
);
CREATE INDEX "audience_body_memberships_member_id_idx" ON "audience_body_memberships"("member_id");

CREATE TABLE "audience_elections" (
    "election_id" UUID NOT NULL,
    "body_id" UUID NOT NULL,
    CONSTRAINT "audience_elections_pkey" PRIMARY KEY ("election_id")
);
