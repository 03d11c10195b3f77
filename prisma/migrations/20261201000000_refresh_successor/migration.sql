-- AlterTable
ALTER TABLE "OAuthToken" ADD COLUMN     "successorSealed" TEXT;
