-- Issue 10: the service desk console. Existing rows become
-- self-service attempts (the default), with no agent and no verification kind.
ALTER TABLE "reset_records" ADD COLUMN "channel" text DEFAULT 'self-service' NOT NULL;--> statement-breakpoint
ALTER TABLE "reset_records" ADD COLUMN "agent_id" text;--> statement-breakpoint
ALTER TABLE "reset_records" ADD COLUMN "verification_kind" text;--> statement-breakpoint
ALTER TABLE "reset_records" ADD COLUMN "ticket_reference" text;--> statement-breakpoint
CREATE INDEX "reset_records_created_idx" ON "reset_records" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "reset_records_agent_created_idx" ON "reset_records" USING btree ("agent_id","created_at");--> statement-breakpoint
CREATE INDEX "reset_records_account_created_idx" ON "reset_records" USING btree ("account_id","created_at");--> statement-breakpoint
ALTER TABLE "reset_records" ADD CONSTRAINT "reset_records_channel_check" CHECK (channel in ('self-service', 'service-desk'));