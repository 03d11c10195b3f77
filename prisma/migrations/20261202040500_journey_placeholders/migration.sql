-- A journey's placeholder entries (type 'skeleton') exist only for a trip that plans a place. When the trip is
-- deleted (by its owner, or with its owner's account) they go with it; entries someone wrote stay, detached from the
-- trip by the foreign key's ON DELETE SET NULL. A BEFORE trigger sees the trip's id before that SET NULL runs.
CREATE OR REPLACE FUNCTION "journey_drop_trip_placeholders"() RETURNS trigger AS $$
BEGIN
  DELETE FROM "JourneyEntry" WHERE "sourceTripId" = OLD."id" AND "type" = 'skeleton';
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Trip_journey_placeholders"
  BEFORE DELETE ON "Trip"
  FOR EACH ROW EXECUTE FUNCTION "journey_drop_trip_placeholders"();

-- Placeholders left behind by trips deleted before this migration.
DELETE FROM "JourneyEntry" WHERE "type" = 'skeleton' AND "sourceTripId" IS NULL;
