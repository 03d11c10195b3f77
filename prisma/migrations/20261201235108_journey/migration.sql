-- CreateTable
CREATE TABLE "Journey" (
    "id" SERIAL NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT NOT NULL DEFAULT '',
    "coverGradient" TEXT NOT NULL DEFAULT '',
    "coverPhotoId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Journey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyTrip" (
    "journeyId" INTEGER NOT NULL,
    "tripId" INTEGER NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneyTrip_pkey" PRIMARY KEY ("journeyId","tripId")
);

-- CreateTable
CREATE TABLE "JourneyEntry" (
    "id" SERIAL NOT NULL,
    "journeyId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "type" TEXT NOT NULL DEFAULT 'entry',
    "title" TEXT NOT NULL DEFAULT '',
    "story" TEXT NOT NULL DEFAULT '',
    "entryDate" DATE NOT NULL,
    "entryTime" TEXT,
    "locationName" TEXT NOT NULL DEFAULT '',
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "mood" TEXT NOT NULL DEFAULT '',
    "weather" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[],
    "pros" TEXT[],
    "cons" TEXT[],
    "visibility" TEXT NOT NULL DEFAULT 'private',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "sourceTripId" INTEGER,
    "sourcePlaceId" INTEGER,
    "sourceAssignmentId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JourneyEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyContributor" (
    "journeyId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneyContributor_pkey" PRIMARY KEY ("journeyId","userId")
);

-- CreateTable
CREATE TABLE "JourneyPreference" (
    "journeyId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "hideSkeletons" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "JourneyPreference_pkey" PRIMARY KEY ("journeyId","userId")
);

-- CreateTable
CREATE TABLE "JourneyPhoto" (
    "id" SERIAL NOT NULL,
    "journeyId" INTEGER NOT NULL,
    "entryId" INTEGER,
    "uploaderId" INTEGER,
    "storageKey" TEXT NOT NULL,
    "thumbKey" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "takenAt" TIMESTAMP(3),
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "caption" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneyPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyShareLink" (
    "id" SERIAL NOT NULL,
    "journeyId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenHint" TEXT NOT NULL,
    "showTimeline" BOOLEAN NOT NULL DEFAULT true,
    "showGallery" BOOLEAN NOT NULL DEFAULT true,
    "showMap" BOOLEAN NOT NULL DEFAULT true,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JourneyShareLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Journey_ownerId_idx" ON "Journey"("ownerId");

-- CreateIndex
CREATE INDEX "JourneyTrip_tripId_idx" ON "JourneyTrip"("tripId");

-- CreateIndex
CREATE INDEX "JourneyEntry_journeyId_entryDate_sortOrder_idx" ON "JourneyEntry"("journeyId", "entryDate", "sortOrder");

-- CreateIndex
CREATE INDEX "JourneyEntry_sourceTripId_idx" ON "JourneyEntry"("sourceTripId");

-- CreateIndex
CREATE INDEX "JourneyEntry_sourcePlaceId_idx" ON "JourneyEntry"("sourcePlaceId");

-- CreateIndex
CREATE INDEX "JourneyEntry_sourceAssignmentId_idx" ON "JourneyEntry"("sourceAssignmentId");

-- CreateIndex
CREATE INDEX "JourneyContributor_userId_idx" ON "JourneyContributor"("userId");

-- CreateIndex
CREATE INDEX "JourneyPhoto_journeyId_sortOrder_idx" ON "JourneyPhoto"("journeyId", "sortOrder");

-- CreateIndex
CREATE INDEX "JourneyPhoto_entryId_idx" ON "JourneyPhoto"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyShareLink_journeyId_key" ON "JourneyShareLink"("journeyId");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyShareLink_tokenHash_key" ON "JourneyShareLink"("tokenHash");

-- AddForeignKey
ALTER TABLE "Journey" ADD CONSTRAINT "Journey_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Journey" ADD CONSTRAINT "Journey_coverPhotoId_fkey" FOREIGN KEY ("coverPhotoId") REFERENCES "JourneyPhoto"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyTrip" ADD CONSTRAINT "JourneyTrip_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyTrip" ADD CONSTRAINT "JourneyTrip_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEntry" ADD CONSTRAINT "JourneyEntry_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEntry" ADD CONSTRAINT "JourneyEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEntry" ADD CONSTRAINT "JourneyEntry_sourceTripId_fkey" FOREIGN KEY ("sourceTripId") REFERENCES "Trip"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEntry" ADD CONSTRAINT "JourneyEntry_sourcePlaceId_fkey" FOREIGN KEY ("sourcePlaceId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEntry" ADD CONSTRAINT "JourneyEntry_sourceAssignmentId_fkey" FOREIGN KEY ("sourceAssignmentId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyContributor" ADD CONSTRAINT "JourneyContributor_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyContributor" ADD CONSTRAINT "JourneyContributor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyPreference" ADD CONSTRAINT "JourneyPreference_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyPreference" ADD CONSTRAINT "JourneyPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyPhoto" ADD CONSTRAINT "JourneyPhoto_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyPhoto" ADD CONSTRAINT "JourneyPhoto_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "JourneyEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyPhoto" ADD CONSTRAINT "JourneyPhoto_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyShareLink" ADD CONSTRAINT "JourneyShareLink_journeyId_fkey" FOREIGN KEY ("journeyId") REFERENCES "Journey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

