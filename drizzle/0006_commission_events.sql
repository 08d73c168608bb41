CREATE TABLE "commission_events" (
	"event_key" text PRIMARY KEY NOT NULL,
	"lead_id" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commission_events" ADD CONSTRAINT "commission_events_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commission_events_lead_idx" ON "commission_events" USING btree ("lead_id");--> statement-breakpoint
-- Every deal already won was decided when it was won: record it, so a replay of an old win posts nothing.
INSERT INTO "commission_events" ("event_key", "lead_id", "decided_at")
SELECT 'lead:' || l."id" || ':r' || r."revision", l."id", l."won_at"
FROM "leads" l CROSS JOIN LATERAL generate_series(0, l."deal_revision") AS r("revision")
WHERE l."won_at" IS NOT NULL
ON CONFLICT DO NOTHING;