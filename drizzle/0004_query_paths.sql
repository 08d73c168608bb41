CREATE TABLE "lead_counts" (
	"status" "lead_status" NOT NULL,
	"flagged" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "lead_counts_status_flagged_pk" PRIMARY KEY("status","flagged")
);
--> statement-breakpoint
DROP INDEX "leads_status_idx";--> statement-breakpoint
DROP INDEX "ledger_entries_partner_idx";--> statement-breakpoint
CREATE INDEX "leads_status_product_idx" ON "leads" USING btree ("status","product_id","created_at","id");--> statement-breakpoint
CREATE INDEX "leads_partner_pipeline_idx" ON "leads" USING btree ("partner_id","status","currency","estimated_value_minor");--> statement-breakpoint
CREATE INDEX "leads_won_idx" ON "leads" USING btree ("partner_id","won_at","deal_currency","deal_amount_minor") WHERE "leads"."status" = 'won';--> statement-breakpoint
CREATE INDEX "ledger_entries_partner_source_idx" ON "ledger_entries" USING btree ("partner_id","source","asset","amount");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "ledger_entries_partner_idx" ON "ledger_entries" USING btree ("partner_id","created_at","asset","amount");
--> statement-breakpoint
-- lead_counts is kept by this trigger; written by hand (drizzle-kit does not generate triggers).
-- Deferred to commit so the two counter rows a change touches are locked only while committing,
-- and touched in one statement in a fixed order so two commits cannot wait on each other.
CREATE FUNCTION "lead_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.flagged = NEW.flagged THEN
    RETURN NULL;
  END IF;
  INSERT INTO lead_counts AS c (status, flagged, n)
  SELECT d.status, d.flagged, sum(d.n)::int
  FROM (
    SELECT OLD.status AS status, OLD.flagged AS flagged, -1 AS n WHERE TG_OP IN ('UPDATE', 'DELETE')
    UNION ALL
    SELECT NEW.status, NEW.flagged, 1 WHERE TG_OP IN ('UPDATE', 'INSERT')
  ) d
  GROUP BY d.status, d.flagged
  ORDER BY d.status, d.flagged
  ON CONFLICT (status, flagged) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "leads_count" AFTER INSERT OR UPDATE OF status, flagged OR DELETE ON "leads"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "lead_counts_apply"();
--> statement-breakpoint
INSERT INTO "lead_counts" ("status", "flagged", "n") SELECT "status", "flagged", count(*)::int FROM "leads" GROUP BY 1, 2;
