-- An event id made by the database, for statements that record facts only they know (a batch that
-- expires whatever drafts are due): `evt_` + a ULID, like the ids the application makes (48 bits of
-- milliseconds then 80 random bits, Crockford's base 32), so both kinds sort by the time they were made.
CREATE OR REPLACE FUNCTION passerelle_event_id() RETURNS text
LANGUAGE sql VOLATILE AS $$
  SELECT 'evt_' || string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', d + 1, 1), '' ORDER BY i)
  FROM (
    SELECT i, CASE WHEN i < 10 THEN ((t.ms >> (5 * (9 - i))) & 31)::int ELSE floor(random() * 32)::int END AS d
    FROM (SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms) t,
         generate_series(0, 25) AS i
  ) s
$$;
