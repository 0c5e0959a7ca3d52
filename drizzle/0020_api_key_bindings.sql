-- Keys were accepted with a code instead of an id (and were then refused on their own store or channel):
-- bind them to the id the code names.
UPDATE "api_key" k SET "location_id" = l."id", "updated_at" = now() FROM "location" l
  WHERE k."location_id" = l."code" AND NOT EXISTS (SELECT 1 FROM "location" x WHERE x."id" = k."location_id");--> statement-breakpoint
UPDATE "api_key" k SET "channel_id" = c."id", "updated_at" = now() FROM "channel" c
  WHERE k."channel_id" = c."code" AND NOT EXISTS (SELECT 1 FROM "channel" x WHERE x."id" = k."channel_id");--> statement-breakpoint
UPDATE "api_key" k SET "franchisee_id" = f."id", "updated_at" = now() FROM "franchisee" f
  WHERE k."franchisee_id" = f."code" AND NOT EXISTS (SELECT 1 FROM "franchisee" x WHERE x."id" = k."franchisee_id");--> statement-breakpoint
-- Keys bound to nothing that exists never worked on their scope: revoked, the dangling binding cleared.
UPDATE "api_key" SET "revoked_at" = coalesce("revoked_at", now()), "updated_at" = now(),
    "location_id" = CASE WHEN "location_id" IN (SELECT "id" FROM "location") THEN "location_id" END,
    "channel_id" = CASE WHEN "channel_id" IN (SELECT "id" FROM "channel") THEN "channel_id" END,
    "franchisee_id" = CASE WHEN "franchisee_id" IN (SELECT "id" FROM "franchisee") THEN "franchisee_id" END
  WHERE ("location_id" IS NOT NULL AND "location_id" NOT IN (SELECT "id" FROM "location"))
     OR ("channel_id" IS NOT NULL AND "channel_id" NOT IN (SELECT "id" FROM "channel"))
     OR ("franchisee_id" IS NOT NULL AND "franchisee_id" NOT IN (SELECT "id" FROM "franchisee"));--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_channel_id_channel_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_franchisee_id_franchisee_id_fk" FOREIGN KEY ("franchisee_id") REFERENCES "public"."franchisee"("id") ON DELETE no action ON UPDATE no action;