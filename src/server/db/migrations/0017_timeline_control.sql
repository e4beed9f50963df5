-- Timeline control (docs/decisions/0015-timeline-control.md): a programme is
-- a draft until a manager publishes it; a call holds its own window, which a
-- manager can open now, close now or extend; a closed call can be reopened
-- for one late city.

-- NULL: a draft, seen only by programme managers. Every programme that
-- existed before drafts did was public, so it counts as published.
ALTER TABLE programmes ADD COLUMN published_at timestamptz;
UPDATE programmes SET published_at = created_at;

-- The call's window, as instants. Until now it was its milestone's local
-- dates: 00:00 on the first day to 23:59:59 on the last, in the programme's
-- time zone. The milestone's dates now follow the window.
ALTER TABLE calls ADD COLUMN opens_at timestamptz;
ALTER TABLE calls ADD COLUMN closes_at timestamptz;
UPDATE calls AS k
SET opens_at  = (m.starts_on::timestamp AT TIME ZONE (p.settings ->> 'timeZone')),
    closes_at = ((m.ends_on + time '23:59:59') AT TIME ZONE (p.settings ->> 'timeZone'))
FROM programmes AS p, programme_milestones AS m
WHERE p.id = k.programme_id
  AND m.programme_id = p.id
  AND m.kind = CASE k.kind WHEN 'host' THEN 'host_call' ELSE 'visitor_call' END;
ALTER TABLE calls ALTER COLUMN opens_at SET NOT NULL;
ALTER TABLE calls ALTER COLUMN closes_at SET NOT NULL;

-- A closed call opened again for one city until a given instant (the city
-- missed the deadline for a reason the programme team accepts). One window
-- per city and call; granting it again replaces it.
CREATE TABLE call_reopenings (
  call_id    uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  city_id    uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
  until      timestamptz NOT NULL,
  reason     text NOT NULL CHECK (length(reason) BETWEEN 3 AND 1000),
  granted_by uuid REFERENCES people (id) ON DELETE SET NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (call_id, city_id)
);
