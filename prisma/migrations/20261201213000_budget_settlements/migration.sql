-- "Mark settled": payments between members recorded from the settlement list.
CREATE TABLE "BudgetSettlement" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "fromUserId" INTEGER NOT NULL,
    "toUserId" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BudgetSettlement_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "BudgetSettlement_tripId_idx" ON "BudgetSettlement"("tripId");

ALTER TABLE "BudgetSettlement" ADD CONSTRAINT "BudgetSettlement_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;
