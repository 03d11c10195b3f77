-- A to-do created offline carries the id its browser gave the request, so a create sent again after an ambiguous
-- failure finds the to-do it already made instead of making a second one (decision 034, update 2026-12-02).
ALTER TABLE "Todo" ADD COLUMN "clientRequestId" TEXT;

CREATE UNIQUE INDEX "Todo_tripId_clientRequestId_key" ON "Todo"("tripId", "clientRequestId");
