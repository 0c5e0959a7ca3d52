-- Points earned and franchise commissions move from the order's transaction to consumers of its events.
-- Events already published had their effects written with them: the new consumers start after them.
INSERT INTO "event_cursor" ("id", "position")
SELECT c.id, s."position" FROM "event_cursor" s
CROSS JOIN (VALUES ('loyalty.earn-on-completion'), ('franchise.accrue')) AS c(id)
WHERE s."id" = 'events.sequence'
ON CONFLICT ("id") DO NOTHING;
