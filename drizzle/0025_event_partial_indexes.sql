DROP INDEX "event_position_idx";--> statement-breakpoint
DROP INDEX "event_type_position_idx";--> statement-breakpoint
DROP INDEX "event_published_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "event_position_idx" ON "event" USING btree ("position") WHERE position IS NOT NULL;--> statement-breakpoint
CREATE INDEX "event_type_position_idx" ON "event" USING btree ("type","position") WHERE position IS NOT NULL;--> statement-breakpoint
CREATE INDEX "event_published_idx" ON "event" USING btree ("published_at") WHERE published_at IS NOT NULL;