-- Lets one statement refuse itself: the order path writes stock, reservations, ledger and order in a
-- single statement and aborts it whole when a stock row could not be taken.
CREATE OR REPLACE FUNCTION passerelle_assert(ok boolean, code text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT ok THEN
    RAISE EXCEPTION USING ERRCODE = 'PA409', MESSAGE = code;
  END IF;
  RETURN true;
END
$$;
--> statement-breakpoint
-- Stock rows are updated on every order: leave room on each page for HOT updates.
ALTER TABLE stock_level SET (fillfactor = 80);
