-- AlterTable
ALTER TABLE "User" ADD COLUMN     "temperatureUnit" TEXT;
