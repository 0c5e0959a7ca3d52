ALTER TABLE "channel" ADD COLUMN "collects_payment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Partner channels (marketplaces, distributors) take the customer's money themselves, as new ones do by default.
UPDATE "channel" SET "collects_payment" = true, "updated_at" = now() WHERE "kind" = 'partner';
