-- Privacy notice, consent records and opt-ins (issue 18).

-- The privacy notice, one row per published version. The current notice is
-- the one published last; versions are never edited, a change is a new one.
CREATE TABLE privacy_notices (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version      text NOT NULL UNIQUE CHECK (length(version) BETWEEN 1 AND 40),
  published_at timestamptz NOT NULL DEFAULT now(),
  -- Null for the first version, which this migration publishes.
  published_by uuid REFERENCES people (id) ON DELETE SET NULL,
  -- What changed since the version before, shown to people asked to accept again.
  changes      text NOT NULL DEFAULT '' CHECK (length(changes) <= 2000),
  -- Markdown: "## " headings, "- " list items, paragraphs.
  body         text NOT NULL CHECK (length(body) BETWEEN 1 AND 50000)
);
CREATE INDEX privacy_notices_published_idx ON privacy_notices (published_at DESC, id DESC);

-- Who accepted which version, when and how. Kept as long as the account.
CREATE TABLE privacy_consents (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id      uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  notice_version text NOT NULL REFERENCES privacy_notices (version),
  accepted_at    timestamptz NOT NULL DEFAULT now(),
  context        text NOT NULL CHECK (context IN ('invitation', 'registration', 're-accept')),
  UNIQUE (person_id, notice_version)
);

-- Opt-ins, off until the person turns them on (the daily digest's
-- digest_opt_out is a different thing: work the person takes part in).
ALTER TABLE people
  ADD COLUMN newsletter_opt_in boolean NOT NULL DEFAULT false,
  ADD COLUMN directory_opt_in  boolean NOT NULL DEFAULT false;

-- The first version, so a fresh installation has a notice to accept.
INSERT INTO privacy_notices (version, changes, body) VALUES ('1', '', $notice$## Who we are

This platform runs the peer-learning programme for cities working towards climate neutrality: its calls, applications, discussion groups and study visits. The programme team decides what personal data the platform holds and why; it is the controller of that data. You can reach the team at the address shown at the end of this notice.

## What we process and why

- **Your account**: your name, email address, preferred language, the roles you hold (for example representative of a city, evaluator, facilitator) and, for a representative, the city you act for. We need them to let you sign in, to show you the work that is yours and to tell others who acts for a city. Legal basis: the performance of the programme you or your city take part in.
- **City data**: the public facts of the cities in the registry (name, country, population, climate targets, sectors of interest) and the names and addresses of their contact persons. Contact persons are visible to the programme team and the city's representatives only, never to the public, unless you choose to be listed (see "Your choices").
- **Applications and evaluations**: what a city submits when it applies to a call, its attachments, the evaluators' scores and comments, and the decisions. We need them to select the cities fairly and to be able to explain a decision.
- **Discussion posts and meetings**: what you write in discussion groups, the materials you share and your attendance at meetings. Other members of the same group see them.
- **Study visits**: the delegates, travel details and feedback of study visits, to organise the visits and report on what cities learned.
- **Sign-in records**: when you signed in, from which IP address and browser, and failed sign-in attempts. We keep them to protect your account and the platform against misuse.
- **Emails**: the messages the platform sends you (invitations, reminders, decisions, the daily digest of your groups) and whether they were delivered.
- **Your acceptance of this notice**: which version you accepted, when, and how (invitation, registration, or again after a change).

## Your choices

Two things are off until you turn them on, on your account page: receiving the programme's newsletter, and being listed by name and email address as a contact of your city on its public page. You can turn either off again at any time. The daily digest of your discussion groups is part of taking part in a group; you can stop it on the same page.

## Who else sees your data

The programme team, the evaluators assigned to an application, and the facilitators of your groups, each for their own task. The platform is hosted in the European Union; we do not sell data or use it for advertising. Emails are delivered by our mail provider, which acts on our instructions.

## How long we keep it

- Account data: as long as the account is active, and one year after it is deactivated.
- Applications, evaluations and decisions: ten years after the end of the programme, as the programme's funding rules require for audits.
- Discussion posts and materials: until the end of the programme plus one year.
- Sign-in records: one year. Failed sign-in attempts: thirty days.
- Emails sent: one year.
- Records of your acceptance of this notice: as long as your account exists.

## Your rights

You may ask to see the data we hold about you, to correct it, to have it erased where we have no obligation to keep it, to restrict its use, to receive it in a portable form, and to object to its use. Write to the programme team. You may also lodge a complaint with your data protection authority.$notice$);

-- The registry's city search while typing, at 10,000 cities (issue 18's
-- bench: under 50 ms p95 at 10 connections). Searching fold_name(name)
-- (migration 0026) folds every candidate row's name with unaccent on every
-- request: a 2-letter query matches no trigram, so all 10,000 names were
-- folded per request. The folded name is now stored, so a search compares
-- plain text. search_key is fold_name's twin: this migration may run before
-- 0026 on a fresh database (numbers were handed out before 0026 landed), so
-- it cannot use that function, and 0026 cannot be changed.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE FUNCTION search_key(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
ALTER TABLE cities ADD COLUMN name_key text NOT NULL GENERATED ALWAYS AS (search_key(name)) STORED;
CREATE INDEX cities_name_key_trgm_idx ON cities USING gin (name_key gin_trgm_ops);
-- One or two letters match no trigram, so the trigram index would hand back
-- every city: such a short search matches the start of the name instead
-- ("kr" → Kraków), through this index.
CREATE INDEX cities_name_key_prefix_idx ON cities (name_key text_pattern_ops);
