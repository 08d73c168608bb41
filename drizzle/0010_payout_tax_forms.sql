CREATE TABLE "payout_tax_forms" (
	"partner_id" uuid PRIMARY KEY NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payout_tax_forms_type" CHECK ("payout_tax_forms"."content_type" in ('application/pdf', 'image/png', 'image/jpeg')),
	CONSTRAINT "payout_tax_forms_size" CHECK (octet_length("payout_tax_forms"."bytes") between 1 and 5242880)
);
--> statement-breakpoint
ALTER TABLE "payout_tax_forms" ADD CONSTRAINT "payout_tax_forms_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_tax_forms" ADD CONSTRAINT "payout_tax_forms_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payout_tax_forms_storage_key" ON "payout_tax_forms" USING btree ("storage_key");