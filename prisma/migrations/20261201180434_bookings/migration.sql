-- CreateTable
CREATE TABLE "Reservation" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "startsAt" TIMESTAMPTZ(3),
    "endsAt" TIMESTAMPTZ(3),
    "timeZone" TEXT,
    "dayId" INTEGER,
    "endDayId" INTEGER,
    "placeId" INTEGER,
    "assignmentId" INTEGER,
    "accommodationId" INTEGER,
    "location" TEXT NOT NULL DEFAULT '',
    "confirmationNumber" TEXT NOT NULL DEFAULT '',
    "provider" TEXT NOT NULL DEFAULT '',
    "priceMinor" INTEGER,
    "currency" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReservationDayPosition" (
    "reservationId" INTEGER NOT NULL,
    "dayId" INTEGER NOT NULL,
    "position" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ReservationDayPosition_pkey" PRIMARY KEY ("reservationId","dayId")
);

-- CreateTable
CREATE TABLE "TransportLeg" (
    "id" SERIAL NOT NULL,
    "reservationId" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "fromName" TEXT NOT NULL,
    "fromCode" TEXT,
    "fromPlaceId" INTEGER,
    "fromLat" DOUBLE PRECISION,
    "fromLng" DOUBLE PRECISION,
    "toName" TEXT NOT NULL,
    "toCode" TEXT,
    "toPlaceId" INTEGER,
    "toLat" DOUBLE PRECISION,
    "toLng" DOUBLE PRECISION,
    "departsAt" TIMESTAMPTZ(3) NOT NULL,
    "departureZone" TEXT NOT NULL,
    "arrivesAt" TIMESTAMPTZ(3) NOT NULL,
    "arrivalZone" TEXT NOT NULL,
    "carrier" TEXT NOT NULL DEFAULT '',
    "number" TEXT NOT NULL DEFAULT '',
    "seat" TEXT NOT NULL DEFAULT '',
    "bookingCode" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "TransportLeg_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reservation_tripId_startsAt_idx" ON "Reservation"("tripId", "startsAt");

-- CreateIndex
CREATE INDEX "ReservationDayPosition_dayId_idx" ON "ReservationDayPosition"("dayId");

-- CreateIndex
CREATE INDEX "TransportLeg_reservationId_sequence_idx" ON "TransportLeg"("reservationId", "sequence");

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_endDayId_fkey" FOREIGN KEY ("endDayId") REFERENCES "Day"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_accommodationId_fkey" FOREIGN KEY ("accommodationId") REFERENCES "Accommodation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReservationDayPosition" ADD CONSTRAINT "ReservationDayPosition_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "Reservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReservationDayPosition" ADD CONSTRAINT "ReservationDayPosition_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "Day"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransportLeg" ADD CONSTRAINT "TransportLeg_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "Reservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransportLeg" ADD CONSTRAINT "TransportLeg_fromPlaceId_fkey" FOREIGN KEY ("fromPlaceId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransportLeg" ADD CONSTRAINT "TransportLeg_toPlaceId_fkey" FOREIGN KEY ("toPlaceId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

