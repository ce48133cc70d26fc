-- Issue 17: what still works for sign-in after an attempt (kept), and whether "this wasn't me" alerted the service
-- desk (desk_alerted). Older rows: nothing kept named, no alert.
ALTER TABLE "reset_records" ADD COLUMN "kept" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reset_records" ADD COLUMN "desk_alerted" boolean;