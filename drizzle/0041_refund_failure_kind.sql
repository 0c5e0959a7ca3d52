ALTER TABLE "provider_refund" ADD COLUMN "last_error_kind" text;--> statement-breakpoint
-- Refunds the provider failed keep the provider's own words only ("provider status canceled" and
-- "refund failed at the provider: <reason>" were ours around them).
UPDATE "provider_refund" SET "last_error_kind" = 'failed',
  "last_error" = CASE
    WHEN "last_error" LIKE 'provider status %' THEN substr("last_error", 17)
    WHEN "last_error" ~ '^refund [a-z_]+ at the provider: no reason given$' THEN
      substring("last_error" from '^refund ([a-z_]+) ')
    WHEN "last_error" ~ '^refund [a-z_]+ at the provider: ' THEN
      regexp_replace("last_error", '^refund [a-z_]+ at the provider: ', '')
    ELSE "last_error"
  END
WHERE "status" = 'failed';--> statement-breakpoint
-- A pending refund's last error: a 4xx other than 409 and 429 is the provider refusing; anything else
-- (a 5xx, 409, 429, no answer) left it unknown.
UPDATE "provider_refund" SET "last_error_kind" = CASE
    WHEN "last_error" ~ '^HTTP 4[0-9][0-9]' AND "last_error" !~ '^HTTP (409|429)' THEN 'refused'
    ELSE 'unavailable'
  END
WHERE "status" = 'pending' AND "last_error" IS NOT NULL;
