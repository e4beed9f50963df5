-- People and roles (issue 17): programme managers run a directory of people,
-- a city's primary contact manages its representatives, an invitation may
-- carry several roles, and a person's page shows their last sign-in.

-- Written at every sign-in (and when an invitation is accepted, which signs
-- the person in). Not among the columns people_announce watches (0014): it
-- changes nothing a session knows.
ALTER TABLE people ADD COLUMN last_sign_in_at timestamptz;

-- What the audit log already knows about sign-ins before this column existed.
UPDATE people p
   SET last_sign_in_at = signed_in.at
  FROM (SELECT actor_id, max(at) AS at
          FROM audit_events
         WHERE action IN ('session.sign_in', 'invitation.accept') AND actor_id IS NOT NULL
         GROUP BY actor_id) signed_in
 WHERE signed_in.actor_id = p.id;

-- The roles an invitation grants besides `role`. Only `role` may name a city
-- (a city representative's role always comes first), so `city_id` and its
-- check keep their meaning; the others are roles without a city.
ALTER TABLE invitations
  ADD COLUMN other_roles text[] NOT NULL DEFAULT '{}'
    CHECK (other_roles <@ ARRAY['programme_manager', 'facilitator', 'evaluator', 'expert']::text[]
           AND array_position(other_roles, NULL) IS NULL
           AND NOT (role = ANY (other_roles)));

-- A city's representatives (its page of representatives, the directory's city filter).
CREATE INDEX role_grants_city_idx ON role_grants (city_id) WHERE city_id IS NOT NULL;
-- The directory lists people by name.
CREATE INDEX people_name_lower_idx ON people (lower(name), id);
