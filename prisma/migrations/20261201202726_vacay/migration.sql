-- CreateTable
CREATE TABLE "VacayPlan" (
    "id" SERIAL NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "color" TEXT NOT NULL DEFAULT '#6366f1',
    "blockWeekends" BOOLEAN NOT NULL DEFAULT true,
    "weekendDays" TEXT NOT NULL DEFAULT '0,6',
    "weekStart" INTEGER,
    "holidaysEnabled" BOOLEAN NOT NULL DEFAULT false,
    "companyHolidaysEnabled" BOOLEAN NOT NULL DEFAULT true,
    "carryOverEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VacayPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VacayPlanMember" (
    "planId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VacayPlanMember_pkey" PRIMARY KEY ("planId","userId")
);

-- CreateTable
CREATE TABLE "VacayYear" (
    "planId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,

    CONSTRAINT "VacayYear_pkey" PRIMARY KEY ("planId","year")
);

-- CreateTable
CREATE TABLE "VacayAllowance" (
    "userId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "vacationDays" INTEGER NOT NULL,

    CONSTRAINT "VacayAllowance_pkey" PRIMARY KEY ("userId","year")
);

-- CreateTable
CREATE TABLE "VacayEntry" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VacayEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VacayCompanyHoliday" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "VacayCompanyHoliday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VacayHolidayCalendar" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "region" TEXT NOT NULL,
    "label" TEXT,
    "color" TEXT NOT NULL DEFAULT '#fecaca',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "VacayHolidayCalendar_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VacayPlan_ownerId_key" ON "VacayPlan"("ownerId");

-- CreateIndex
CREATE INDEX "VacayPlanMember_userId_idx" ON "VacayPlanMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VacayEntry_userId_date_key" ON "VacayEntry"("userId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "VacayCompanyHoliday_planId_date_key" ON "VacayCompanyHoliday"("planId", "date");

-- CreateIndex
CREATE INDEX "VacayHolidayCalendar_planId_idx" ON "VacayHolidayCalendar"("planId");

-- AddForeignKey
ALTER TABLE "VacayPlan" ADD CONSTRAINT "VacayPlan_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacayPlanMember" ADD CONSTRAINT "VacayPlanMember_planId_fkey" FOREIGN KEY ("planId") REFERENCES "VacayPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacayPlanMember" ADD CONSTRAINT "VacayPlanMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacayYear" ADD CONSTRAINT "VacayYear_planId_fkey" FOREIGN KEY ("planId") REFERENCES "VacayPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacayAllowance" ADD CONSTRAINT "VacayAllowance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacayEntry" ADD CONSTRAINT "VacayEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacayCompanyHoliday" ADD CONSTRAINT "VacayCompanyHoliday_planId_fkey" FOREIGN KEY ("planId") REFERENCES "VacayPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacayHolidayCalendar" ADD CONSTRAINT "VacayHolidayCalendar_planId_fkey" FOREIGN KEY ("planId") REFERENCES "VacayPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

