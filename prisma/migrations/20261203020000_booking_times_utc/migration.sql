-- Booking times (the only timestamptz columns) reached PostgreSQL from Prisma as UTC wall-clock text without an
-- offset, which the server read in the session's time zone: where the database's default zone is not UTC (an embedded
-- cluster initialised on a machine in, say, Europe/Berlin), the stored instants are off by that zone's offset.
-- Waymark's connections use UTC from now on (app/db/client.server.ts, decision 047); this puts the earlier rows right.
-- Where the default zone is UTC it changes nothing.
DO $$
DECLARE
  zone text := (SELECT reset_val FROM pg_settings WHERE name = 'TimeZone');
BEGIN
  IF now() AT TIME ZONE zone IS DISTINCT FROM now() AT TIME ZONE 'UTC' THEN
    UPDATE "Reservation"
       SET "startsAt" = ("startsAt" AT TIME ZONE zone) AT TIME ZONE 'UTC',
           "endsAt" = ("endsAt" AT TIME ZONE zone) AT TIME ZONE 'UTC'
     WHERE "startsAt" IS NOT NULL OR "endsAt" IS NOT NULL;
    UPDATE "TransportLeg"
       SET "departsAt" = ("departsAt" AT TIME ZONE zone) AT TIME ZONE 'UTC',
           "arrivesAt" = ("arrivesAt" AT TIME ZONE zone) AT TIME ZONE 'UTC';
  END IF;
END $$;
