ALTER TABLE "reset_records" ADD COLUMN "chosen" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reset_records" ADD COLUMN "ignored" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reset_records" ADD COLUMN "tap_issued" boolean;--> statement-breakpoint
ALTER TABLE "reset_records" ADD COLUMN "tap_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reset_records" ADD COLUMN "tap_reason" text;--> statement-breakpoint
ALTER TABLE "reset_records" ADD COLUMN "tap_shown_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reset_records" ADD COLUMN "notice_sent" boolean;