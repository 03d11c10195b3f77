-- A journey photo imported from a linked trip's place remembers the place upload's storage key, once per journey.
ALTER TABLE "JourneyPhoto" ADD COLUMN "sourceKey" TEXT;

CREATE UNIQUE INDEX "JourneyPhoto_journeyId_sourceKey_key" ON "JourneyPhoto"("journeyId", "sourceKey");
