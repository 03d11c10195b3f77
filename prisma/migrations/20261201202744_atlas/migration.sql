-- CreateTable
CREATE TABLE "AtlasCountryMark" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "countryCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AtlasCountryMark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AtlasRegionMark" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "regionName" TEXT NOT NULL,
    "countryCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AtlasRegionMark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BucketListItem" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "countryCode" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "targetDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BucketListItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AtlasCountryMark_userId_countryCode_key" ON "AtlasCountryMark"("userId", "countryCode");

-- CreateIndex
CREATE INDEX "AtlasRegionMark_userId_countryCode_idx" ON "AtlasRegionMark"("userId", "countryCode");

-- CreateIndex
CREATE UNIQUE INDEX "AtlasRegionMark_userId_regionCode_key" ON "AtlasRegionMark"("userId", "regionCode");

-- CreateIndex
CREATE INDEX "BucketListItem_userId_idx" ON "BucketListItem"("userId");

-- AddForeignKey
ALTER TABLE "AtlasCountryMark" ADD CONSTRAINT "AtlasCountryMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AtlasRegionMark" ADD CONSTRAINT "AtlasRegionMark_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BucketListItem" ADD CONSTRAINT "BucketListItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

