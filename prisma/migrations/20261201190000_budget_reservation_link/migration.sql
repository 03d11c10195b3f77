-- An expense's booking link gets its foreign key now that both areas exist; a deleted booking unlinks its expenses.
UPDATE "BudgetItem" SET "reservationId" = NULL
WHERE "reservationId" IS NOT NULL AND "reservationId" NOT IN (SELECT "id" FROM "Reservation");

-- AddForeignKey
ALTER TABLE "BudgetItem" ADD CONSTRAINT "BudgetItem_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "Reservation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
