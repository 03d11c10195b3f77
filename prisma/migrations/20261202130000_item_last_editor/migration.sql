-- Packing items and to-dos remember who changed them last, so an offline change refused as "changed meanwhile" can
-- name that person (decision 034, update 2026-12-02). A deleted account leaves the column empty.
ALTER TABLE "PackingItem" ADD COLUMN "updatedById" INTEGER;

ALTER TABLE "Todo" ADD COLUMN "updatedById" INTEGER;

ALTER TABLE "PackingItem" ADD CONSTRAINT "PackingItem_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Todo" ADD CONSTRAINT "Todo_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
