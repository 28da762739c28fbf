-- Voting in person: when set, only members checked in at this sitting (and still in the room) obtain a
-- ballot credential and cast.
ALTER TABLE "ballot_boxes" ADD COLUMN "sitting_id" UUID;
ALTER TABLE "ballot_boxes" ADD CONSTRAINT "ballot_boxes_sitting_fkey" FOREIGN KEY ("sitting_id") REFERENCES "sittings"("sitting_id") ON DELETE RESTRICT ON UPDATE CASCADE;
