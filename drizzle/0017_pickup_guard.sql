CREATE TABLE "pickup_guard" (
	"order_id" text PRIMARY KEY NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pickup_guard_attempts_within_limit" CHECK ("pickup_guard"."failed_attempts" >= 0 AND "pickup_guard"."failed_attempts" <= 5)
);
