ALTER TABLE "channel" ADD COLUMN "pickup_expiry_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "fulfilment_task" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "pickup_code" text;--> statement-breakpoint
CREATE INDEX "fulfilment_task_expiry_idx" ON "fulfilment_task" USING btree ("expires_at") WHERE status = 'ready_for_pickup';