-- AlterTable
ALTER TABLE "User" ADD COLUMN     "distanceUnit" TEXT,
ADD COLUMN     "theme" TEXT,
ADD COLUMN     "timeFormat" TEXT,
ADD COLUMN     "weekStart" TEXT;
