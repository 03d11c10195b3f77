-- CreateTable
CREATE TABLE "BudgetItem" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT 'Other',
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "splitMode" TEXT NOT NULL DEFAULT 'equal',
    "expenseDate" DATE,
    "dayId" INTEGER,
    "placeId" INTEGER,
    "reservationId" INTEGER,
    "persons" INTEGER,
    "days" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetItemMember" (
    "itemId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "fixedAmount" BIGINT,
    "paid" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "BudgetItemMember_pkey" PRIMARY KEY ("itemId","userId")
);

-- CreateTable
CREATE TABLE "BudgetItemPayer" (
    "itemId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "BudgetItemPayer_pkey" PRIMARY KEY ("itemId","userId")
);

-- CreateTable
CREATE TABLE "BudgetRate" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "tripCurrency" TEXT NOT NULL,
    "rate" TEXT NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetCategory" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "BudgetCategory_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BudgetItem_tripId_position_idx" ON "BudgetItem"("tripId", "position");

-- CreateIndex
CREATE INDEX "BudgetItemMember_userId_idx" ON "BudgetItemMember"("userId");

-- CreateIndex
CREATE INDEX "BudgetItemPayer_userId_idx" ON "BudgetItemPayer"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetRate_tripId_currency_key" ON "BudgetRate"("tripId", "currency");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetCategory_tripId_name_key" ON "BudgetCategory"("tripId", "name");

-- AddForeignKey
ALTER TABLE "BudgetItem" ADD CONSTRAINT "BudgetItem_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetItem" ADD CONSTRAINT "BudgetItem_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetItem" ADD CONSTRAINT "BudgetItem_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetItemMember" ADD CONSTRAINT "BudgetItemMember_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "BudgetItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetItemMember" ADD CONSTRAINT "BudgetItemMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetItemPayer" ADD CONSTRAINT "BudgetItemPayer_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "BudgetItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetItemPayer" ADD CONSTRAINT "BudgetItemPayer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetRate" ADD CONSTRAINT "BudgetRate_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetCategory" ADD CONSTRAINT "BudgetCategory_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

