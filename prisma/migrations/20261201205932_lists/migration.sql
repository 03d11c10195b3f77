-- CreateTable
CREATE TABLE "PackingItem" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT 'General',
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "weightGrams" INTEGER,
    "checked" BOOLEAN NOT NULL DEFAULT false,
    "bagId" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PackingItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackingBag" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL DEFAULT '#6366f1',
    "weightLimitGrams" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PackingBag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackingBagMember" (
    "bagId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "PackingBagMember_pkey" PRIMARY KEY ("bagId","userId")
);

-- CreateTable
CREATE TABLE "PackingCategoryAssignee" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "PackingCategoryAssignee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackingTemplate" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" INTEGER,
    "builtInKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PackingTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackingTemplateItem" (
    "id" SERIAL NOT NULL,
    "templateId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT 'General',
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,
    "key" TEXT,

    CONSTRAINT "PackingTemplateItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Todo" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "category" TEXT,
    "dueDate" DATE,
    "assignedUserId" INTEGER,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "checked" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Todo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TodoCategoryAssignee" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "TodoCategoryAssignee_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PackingItem_tripId_position_idx" ON "PackingItem"("tripId", "position");

-- CreateIndex
CREATE INDEX "PackingBag_tripId_idx" ON "PackingBag"("tripId");

-- CreateIndex
CREATE UNIQUE INDEX "PackingCategoryAssignee_tripId_category_userId_key" ON "PackingCategoryAssignee"("tripId", "category", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "PackingTemplate_builtInKey_key" ON "PackingTemplate"("builtInKey");

-- CreateIndex
CREATE INDEX "PackingTemplateItem_templateId_position_idx" ON "PackingTemplateItem"("templateId", "position");

-- CreateIndex
CREATE INDEX "Todo_tripId_position_idx" ON "Todo"("tripId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "TodoCategoryAssignee_tripId_category_userId_key" ON "TodoCategoryAssignee"("tripId", "category", "userId");

-- AddForeignKey
ALTER TABLE "PackingItem" ADD CONSTRAINT "PackingItem_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackingItem" ADD CONSTRAINT "PackingItem_bagId_fkey" FOREIGN KEY ("bagId") REFERENCES "PackingBag"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackingBag" ADD CONSTRAINT "PackingBag_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackingBagMember" ADD CONSTRAINT "PackingBagMember_bagId_fkey" FOREIGN KEY ("bagId") REFERENCES "PackingBag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackingBagMember" ADD CONSTRAINT "PackingBagMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackingCategoryAssignee" ADD CONSTRAINT "PackingCategoryAssignee_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackingCategoryAssignee" ADD CONSTRAINT "PackingCategoryAssignee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackingTemplate" ADD CONSTRAINT "PackingTemplate_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackingTemplateItem" ADD CONSTRAINT "PackingTemplateItem_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "PackingTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Todo" ADD CONSTRAINT "Todo_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Todo" ADD CONSTRAINT "Todo_assignedUserId_fkey" FOREIGN KEY ("assignedUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TodoCategoryAssignee" ADD CONSTRAINT "TodoCategoryAssignee_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TodoCategoryAssignee" ADD CONSTRAINT "TodoCategoryAssignee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The packing templates Waymark ships (app/areas/packing/templates.ts); shown translated until an admin edits them.
INSERT INTO "PackingTemplate" ("name", "builtInKey") VALUES ('Beach holiday', 'beach');
INSERT INTO "PackingTemplateItem" ("templateId", "name", "category", "quantity", "position", "key") VALUES
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'beach'), 'Passport', 'Documents', 1, 0, 'documents.passport'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'beach'), 'Swimsuit', 'Clothes', 2, 1, 'clothes.swimsuit'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'beach'), 'Sandals', 'Clothes', 1, 2, 'clothes.sandals'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'beach'), 'Sun hat', 'Clothes', 1, 3, 'clothes.sunHat'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'beach'), 'Sunscreen', 'Toiletries', 1, 4, 'toiletries.sunscreen'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'beach'), 'Beach towel', 'Gear', 1, 5, 'gear.beachTowel');
INSERT INTO "PackingTemplate" ("name", "builtInKey") VALUES ('City break', 'city');
INSERT INTO "PackingTemplateItem" ("templateId", "name", "category", "quantity", "position", "key") VALUES
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'city'), 'Passport', 'Documents', 1, 0, 'documents.passport'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'city'), 'Walking shoes', 'Clothes', 1, 1, 'clothes.walkingShoes'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'city'), 'Rain jacket', 'Clothes', 1, 2, 'clothes.rainJacket'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'city'), 'Phone charger', 'Electronics', 1, 3, 'electronics.phoneCharger'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'city'), 'Power bank', 'Electronics', 1, 4, 'electronics.powerBank'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'city'), 'Day bag', 'Gear', 1, 5, 'gear.dayBag');
INSERT INTO "PackingTemplate" ("name", "builtInKey") VALUES ('Winter trip', 'winter');
INSERT INTO "PackingTemplateItem" ("templateId", "name", "category", "quantity", "position", "key") VALUES
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'winter'), 'Passport', 'Documents', 1, 0, 'documents.passport'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'winter'), 'Thermal underwear', 'Clothes', 1, 1, 'clothes.thermals'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'winter'), 'Wool socks', 'Clothes', 3, 2, 'clothes.woolSocks'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'winter'), 'Gloves', 'Clothes', 1, 3, 'clothes.gloves'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'winter'), 'Warm hat', 'Clothes', 1, 4, 'clothes.warmHat'),
    ((SELECT "id" FROM "PackingTemplate" WHERE "builtInKey" = 'winter'), 'Lip balm', 'Toiletries', 1, 5, 'toiletries.lipBalm');
