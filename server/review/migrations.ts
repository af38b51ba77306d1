/**
 * The review store's schema, one step per version, in order. A step is never edited once
 * released: a change is a new step. Each runs in the transaction that records it.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'review decisions and their history',
    sql: `
      -- One row per pack: the last revision handed out. Its row lock orders a pack's writes.
      CREATE TABLE review_packs (
        pack_id text PRIMARY KEY,
        revision bigint NOT NULL
      );

      -- Each image's current decision; a cleared one stays (decision null) so that polling
      -- with ?since sees the clear.
      CREATE TABLE review_decisions (
        pack_id text NOT NULL,
        image_id text NOT NULL,
        decision text CHECK (decision IN ('approved', 'rejected')),
        reasons text[] NOT NULL DEFAULT '{}',
        note text,
        reviewer text NOT NULL,
        decided_at timestamptz NOT NULL,
        fingerprint text NOT NULL,
        revision bigint NOT NULL,
        PRIMARY KEY (pack_id, image_id)
      );
      CREATE INDEX review_decisions_pack_revision ON review_decisions (pack_id, revision);

      -- Every change ever made, appended and never changed.
      CREATE TABLE review_history (
        id bigserial PRIMARY KEY,
        pack_id text NOT NULL,
        image_id text NOT NULL,
        revision bigint NOT NULL,
        decision text CHECK (decision IN ('approved', 'rejected')),
        reasons text[] NOT NULL DEFAULT '{}',
        note text,
        reviewer text NOT NULL,
        decided_at timestamptz NOT NULL,
        fingerprint text NOT NULL,
        undo boolean NOT NULL DEFAULT false
      );
      CREATE INDEX review_history_image ON review_history (pack_id, image_id, revision);

      CREATE FUNCTION review_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'review_history is append-only';
      END
      $$;
      CREATE TRIGGER review_history_append_only BEFORE UPDATE OR DELETE ON review_history
        FOR EACH ROW EXECUTE FUNCTION review_history_append_only();
    `,
  },
  {
    version: 2,
    name: 'pack sign-offs and the pack history',
    sql: `
      -- Each pack's current sign-off: who, when, and the pack's revision and counts then. A
      -- new sign-off replaces it; a withdrawal removes it. The pack history keeps both.
      CREATE TABLE review_sign_offs (
        pack_id text PRIMARY KEY,
        reviewer text NOT NULL,
        signed_at timestamptz NOT NULL,
        revision bigint NOT NULL,
        total integer NOT NULL,
        approved integer NOT NULL,
        rejected integer NOT NULL
      );

      -- Every sign-off and withdrawal, appended and never changed. A withdrawal has the
      -- counts of the sign-off it withdrew.
      CREATE TABLE review_pack_history (
        id bigserial PRIMARY KEY,
        pack_id text NOT NULL,
        action text NOT NULL CHECK (action IN ('signed_off', 'withdrawn')),
        reviewer text NOT NULL,
        at timestamptz NOT NULL,
        revision bigint NOT NULL,
        total integer NOT NULL,
        approved integer NOT NULL,
        rejected integer NOT NULL
      );
      CREATE INDEX review_pack_history_pack ON review_pack_history (pack_id, id);

      CREATE FUNCTION review_pack_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'review_pack_history is append-only';
      END
      $$;
      CREATE TRIGGER review_pack_history_append_only BEFORE UPDATE OR DELETE
        ON review_pack_history FOR EACH ROW EXECUTE FUNCTION review_pack_history_append_only();
    `,
  },
  {
    version: 3,
    name: 'the activity log of Partner API writes',
    sql: `
      -- Every write made through Pack Explorer to the Partner API, done or refused: who,
      -- when (the server's clock), what, the images and URLs it named, and what the browser
      -- was answered. Appended and never changed. pack_id is null for a write on no pack
      -- (a file upload, a create that failed), lowercase otherwise.
      CREATE TABLE write_activity (
        id bigserial PRIMARY KEY,
        pack_id text CHECK (pack_id = lower(pack_id)),
        action text NOT NULL CHECK (action IN ('create_pack', 'update_pack', 'delete_pack',
          'add_image', 'delete_image', 'upload_file')),
        intent text CHECK (intent IN ('retry', 'remove', 'undo', 'add', 'add-back', 'upload',
          'rename', 'publish', 'create', 'delete')),
        actor text NOT NULL,
        at timestamptz NOT NULL,
        image_ids text[] NOT NULL DEFAULT '{}',
        urls text[] NOT NULL DEFAULT '{}',
        details jsonb NOT NULL DEFAULT '{}',
        status integer NOT NULL,
        ok boolean NOT NULL,
        error_code text
      );
      -- A pack's entries, newest first, a page at a time (id below the cursor).
      CREATE INDEX write_activity_pack ON write_activity (pack_id, id DESC);

      CREATE FUNCTION write_activity_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'write_activity is append-only';
      END
      $$;
      CREATE TRIGGER write_activity_append_only BEFORE UPDATE OR DELETE ON write_activity
        FOR EACH ROW EXECUTE FUNCTION write_activity_append_only();
    `,
  },
]
