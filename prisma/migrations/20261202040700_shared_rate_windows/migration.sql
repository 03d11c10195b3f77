-- AlterTable
ALTER TABLE "McpSession" ADD COLUMN     "elicitation" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "logLevel" INTEGER,
ADD COLUMN     "subscriptions" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "McpEvent" (
    "id" BIGSERIAL NOT NULL,
    "sessionId" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "McpEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "McpEvent_sessionId_id_idx" ON "McpEvent"("sessionId", "id");

-- CreateIndex
CREATE INDEX "McpEvent_createdAt_idx" ON "McpEvent"("createdAt");

