CREATE TABLE "ended_sessions" (
	"sid" text PRIMARY KEY NOT NULL,
	"ended_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reset_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"national_id_hash" text,
	"account_id" text,
	"removed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"not_removed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sessions_revoked" boolean,
	CONSTRAINT "reset_records_outcome_check" CHECK (outcome in ('success', 'partial', 'failed', 'refused', 'nothing-to-remove'))
);
--> statement-breakpoint
CREATE INDEX "reset_records_person_created_idx" ON "reset_records" USING btree ("national_id_hash","created_at");--> statement-breakpoint
CREATE INDEX "reset_records_request_id_idx" ON "reset_records" USING btree ("request_id");