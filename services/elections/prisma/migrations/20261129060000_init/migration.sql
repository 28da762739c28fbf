-- CreateEnum
CREATE TYPE "MemberKind" AS ENUM ('individual', 'institutional');
CREATE TYPE "Gender" AS ENUM ('female', 'male', 'other', 'undisclosed');
CREATE TYPE "MemberStatus" AS ENUM ('active', 'suspended', 'terminated');

-- CreateTable
CREATE TABLE "roster_members" (
    "member_id" UUID NOT NULL,
    "kind" "MemberKind" NOT NULL,
    "display_name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "status" "MemberStatus" NOT NULL,
    "admitted_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "roster_members_pkey" PRIMARY KEY ("member_id")
);
