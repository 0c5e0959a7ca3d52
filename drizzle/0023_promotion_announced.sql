ALTER TABLE "promotion" ADD COLUMN "announced" text;--> statement-breakpoint
-- Promotions already running or over when the outbox arrived are not announced again.
UPDATE "promotion" SET "announced" = CASE
  WHEN active AND (starts_at IS NULL OR starts_at <= now()) AND (ends_at IS NULL OR ends_at > now())
       AND (limit_total IS NULL OR used_count < limit_total) THEN 'started'
  WHEN starts_at IS NULL OR starts_at <= now() THEN 'ended'
END;
