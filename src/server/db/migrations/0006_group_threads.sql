-- Discussion threads of the groups, their posts, and the daily digest.

CREATE TABLE group_threads (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id     uuid NOT NULL REFERENCES discussion_groups (id) ON DELETE CASCADE,
  title        text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  created_by   uuid REFERENCES people (id) ON DELETE SET NULL,
  pinned       boolean NOT NULL DEFAULT false,
  closed       boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_post_at timestamptz NOT NULL DEFAULT now(),
  -- Kept by the repository on every post, so listing threads never counts posts.
  post_count   integer NOT NULL DEFAULT 0 CHECK (post_count >= 0)
);
CREATE INDEX group_threads_list_idx ON group_threads (group_id, pinned DESC, last_post_at DESC, id);

CREATE TABLE group_posts (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  thread_id       uuid NOT NULL REFERENCES group_threads (id) ON DELETE CASCADE,
  author_id       uuid REFERENCES people (id) ON DELETE SET NULL,
  -- Sanitised on the way in: no script, no event handlers, only http(s)/mailto links.
  body_html       text NOT NULL CHECK (length(body_html) BETWEEN 1 AND 20000),
  mentioned_cities uuid[] NOT NULL DEFAULT '{}',
  reply_to        uuid REFERENCES group_posts (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  hidden_at       timestamptz,
  hidden_by       uuid REFERENCES people (id) ON DELETE SET NULL,
  hidden_reason   text
);
CREATE INDEX group_posts_thread_idx ON group_posts (thread_id, created_at, id);
CREATE INDEX group_posts_created_idx ON group_posts (created_at);

ALTER TABLE people ADD COLUMN digest_opt_out boolean NOT NULL DEFAULT false;

-- Up to when each person's daily digest has covered the posts.
CREATE TABLE digest_cursors (
  person_id  uuid PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  sent_until timestamptz NOT NULL
);
