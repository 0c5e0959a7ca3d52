-- Channel analytics and customer statistics become consumers of the order and return events
-- (src/analytics/analytics.consumers.ts) instead of a job reading `order_event` past a watermark.
--
-- Where the consumers start: at the events of every order the old refresh had not read yet (the order
-- events past its watermark, with its overlap of 1,000), and of every merge since its last one. Their
-- passes rebuild those orders' days and customers from the tables, so starting early counts nothing
-- twice. A database whose aggregates were never built starts at the first event kept.
INSERT INTO "event_cursor" ("id", "position")
SELECT c.id, CASE
    WHEN r.name IS NULL THEN 0
    ELSE least(s."position", coalesce((
      SELECT min(e."position") - 1 FROM "event" e
      WHERE e."position" IS NOT NULL AND (
        e."payload"->>'order_id' IN (SELECT oe."order_id" FROM "order_event" oe WHERE oe."id" > r."last_event_id" - 1000)
        OR (e."type" = 'customer.merged' AND e."occurred_at" >= coalesce(r."last_merge_at", '-infinity'::timestamptz)))
    ), s."position"))
  END
FROM "event_cursor" s
CROSS JOIN (VALUES ('analytics.refresh'), ('analytics.customer-statistics')) AS c(id)
LEFT JOIN "analytics_refresh" r ON r."name" = 'sales'
WHERE s."id" = 'events.sequence'
ON CONFLICT ("id") DO NOTHING;--> statement-breakpoint
-- A customer attached to a sale had no event before this release: the customers of the orders the old
-- refresh had not read yet are rebuilt here (an attached sale may be older than the events kept).
CREATE TABLE "analytics_pending_customer" AS
SELECT DISTINCT o."customer_id" FROM "orders" o
WHERE o."customer_id" IS NOT NULL AND o."id" IN (
  SELECT oe."order_id" FROM "order_event" oe
  WHERE oe."id" > (SELECT r."last_event_id" - 1000 FROM "analytics_refresh" r WHERE r."name" = 'sales'));--> statement-breakpoint
DELETE FROM "analytics_customer_month" WHERE "customer_id" IN (SELECT "customer_id" FROM "analytics_pending_customer");--> statement-breakpoint
DELETE FROM "analytics_customer_first" WHERE "customer_id" IN (SELECT "customer_id" FROM "analytics_pending_customer");--> statement-breakpoint
INSERT INTO "analytics_customer_month" ("customer_id", "month", "channel_id", "orders", "sales_cents")
SELECT o."customer_id", date_trunc('month', (o."placed_at" AT TIME ZONE 'Europe/Paris')::date)::date, o."channel_id",
       count(*), sum((SELECT sum(l."total_cents" - round(l."total_cents"::numeric * l."cancelled_quantity" / l."quantity"))::bigint
                      FROM "order_line" l WHERE l."order_id" = o."id"))
FROM "orders" o
WHERE o."status" IN ('placed', 'partially_fulfilled', 'fulfilled', 'completed') AND o."placed_at" IS NOT NULL
  AND o."customer_id" IN (SELECT "customer_id" FROM "analytics_pending_customer")
GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO "analytics_customer_first" ("customer_id", "first_order_at", "channel_id", "sales_cents")
SELECT DISTINCT ON (o."customer_id") o."customer_id", o."placed_at", o."channel_id",
       (SELECT sum(l."total_cents" - round(l."total_cents"::numeric * l."cancelled_quantity" / l."quantity"))::bigint
        FROM "order_line" l WHERE l."order_id" = o."id")
FROM "orders" o
WHERE o."status" IN ('placed', 'partially_fulfilled', 'fulfilled', 'completed') AND o."placed_at" IS NOT NULL
  AND o."customer_id" IN (SELECT "customer_id" FROM "analytics_pending_customer")
ORDER BY o."customer_id", o."placed_at", o."id";--> statement-breakpoint
DROP TABLE "analytics_pending_customer";--> statement-breakpoint
DROP TABLE "analytics_refresh" CASCADE;--> statement-breakpoint
-- Returned lines are read from the returns themselves (completed, refunded lines, on the day received:
-- the same lines, amounts and day the `returned` order events carried), keyed by return.
DROP TABLE "analytics_return_line";--> statement-breakpoint
CREATE TABLE "analytics_return_line" (
	"return_id" text NOT NULL,
	"order_line_id" text NOT NULL,
	"day" date NOT NULL,
	"channel_id" text NOT NULL,
	"store_id" text NOT NULL,
	"category" text NOT NULL,
	"units" integer NOT NULL,
	"refund_cents" bigint NOT NULL,
	CONSTRAINT "analytics_return_line_return_id_order_line_id_pk" PRIMARY KEY("return_id","order_line_id")
);--> statement-breakpoint
CREATE INDEX "analytics_return_line_day_idx" ON "analytics_return_line" USING btree ("day");--> statement-breakpoint
INSERT INTO "analytics_return_line"
  ("return_id", "order_line_id", "day", "channel_id", "store_id", "category", "units", "refund_cents")
SELECT r."id", rl."order_line_id", (r."received_at" AT TIME ZONE 'Europe/Paris')::date, o."channel_id",
       coalesce(o."store_id", (SELECT pl."pickup_location_id" FROM "order_line" pl
         WHERE pl."order_id" = o."id" AND pl."pickup_location_id" IS NOT NULL ORDER BY pl."line_no" LIMIT 1), ''),
       coalesce(p."category", ''), rl."quantity", rl."refund_cents"
FROM "return" r JOIN "return_line" rl ON rl."return_id" = r."id"
JOIN "orders" o ON o."id" = r."order_id"
JOIN "order_line" l ON l."id" = rl."order_line_id"
LEFT JOIN "variant" v ON v."sku" = l."sku" LEFT JOIN "product" p ON p."id" = v."product_id"
WHERE r."status" = 'completed' AND r."received_at" IS NOT NULL AND rl."resolution" = 'refund'
ON CONFLICT DO NOTHING;
