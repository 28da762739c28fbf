-- CreateEnum
CREATE TYPE "MemberKind" AS ENUM ('individual', 'institutional');
CREATE TYPE "Gender" AS ENUM ('female', 'male', 'other', 'undisclosed');
CREATE TYPE "MemberStatus" AS ENUM ('active', 'suspended', 'terminated');

-- CreateTable
CREATE TABLE "members" (
    "id" UUID NOT NULL,
    "kind" "MemberKind" NOT NULL,
    "display_name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "status" "MemberStatus" NOT NULL DEFAULT 'active',
    "status_reason" TEXT,
    "admitted_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_id" UUID NOT NULL,
    "details" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "audit_log_subject_id_at_idx" ON "audit_log"("subject_id", "at");
