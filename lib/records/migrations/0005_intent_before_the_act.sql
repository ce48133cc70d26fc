-- Issue 25: an attempt's intent is written before its first change in Graph (outcome in-progress, with what it plans
-- to remove and the notice's language), and recovery completes one its instance left behind (outcome interrupted).
ALTER TABLE "reset_records" DROP CONSTRAINT "reset_records_outcome_check";--> statement-breakpoint
ALTER TABLE "reset_records" ADD COLUMN "planned" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reset_records" ADD COLUMN "notice_locale" text;--> statement-breakpoint
CREATE INDEX "reset_records_in_progress_idx" ON "reset_records" USING btree ("created_at") WHERE outcome = 'in-progress';--> statement-breakpoint
ALTER TABLE "reset_records" ADD CONSTRAINT "reset_records_outcome_check" CHECK (outcome in ('success', 'partial', 'failed', 'refused', 'nothing-to-remove', 'in-progress', 'interrupted'));