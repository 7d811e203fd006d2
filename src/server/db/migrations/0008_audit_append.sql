-- Appends a transaction's audit events to the hash chain in one round trip (platform/audit.ts).
-- The chain's lock is held from here to COMMIT; doing the lock, the read of the last hash and the
-- inserts inside the database keeps that window to one statement, whatever the app's load.
-- Each event arrives as the canonical JSON of its content split around the previous hash
-- ("head" || prev_hash || "tail"), so the hash is exactly the one verifyAuditChain recomputes.
CREATE OR REPLACE FUNCTION audit_append(events jsonb) RETURNS void AS $$
DECLARE
  prev text;
  event jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(47112011);
  SELECT hash INTO prev FROM audit_events ORDER BY seq DESC LIMIT 1;
  prev := coalesce(prev, repeat('0', 64));
  FOR event IN SELECT value FROM jsonb_array_elements(events) LOOP
    INSERT INTO audit_events (at, actor_id, action, subject_type, subject_id, data, prev_hash, hash)
    VALUES (
      (event->>'at')::timestamptz,
      (event->>'actorId')::uuid,
      event->>'action',
      event->>'subjectType',
      event->>'subjectId',
      event->'data',
      prev,
      encode(sha256(convert_to((event->>'head') || prev || (event->>'tail'), 'UTF8')), 'hex')
    )
    RETURNING hash INTO prev;
  END LOOP;
END;
$$ LANGUAGE plpgsql;
