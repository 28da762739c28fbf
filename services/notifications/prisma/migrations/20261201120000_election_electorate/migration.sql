-- Who votes in an election: the members of its body, or every active member when the General Assembly
-- elects (the President, the Executive Board), so "announced" and "voting opened" reach the voters.
ALTER TABLE "audience_elections" ADD COLUMN "electorate" TEXT NOT NULL DEFAULT 'body'
    CHECK ("electorate" IN ('body', 'general-assembly'));
