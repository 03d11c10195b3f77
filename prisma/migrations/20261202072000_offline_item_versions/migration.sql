-- Packing items and to-dos get a version (their last change), so a tick queued offline can be refused when the row
-- changed meanwhile (decision 034, update 2026-12-02).
ALTER TABLE "PackingItem" ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

ALTER TABLE "Todo" ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
