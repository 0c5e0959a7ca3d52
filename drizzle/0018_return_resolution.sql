ALTER TABLE "return_line" ADD COLUMN "resolution" text DEFAULT 'refund' NOT NULL;--> statement-breakpoint
-- Every ticket a return opened until now was for a defective item refunded: the store's supplier claim, not the customer's.
UPDATE "service_ticket" SET "kind" = 'supplier_claim', "customer_id" = NULL, "updated_at" = now() WHERE "return_id" IS NOT NULL AND "kind" = 'repair';
