CREATE TABLE "employee_survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"department_id" uuid,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employee_survey_respondents" (
	"survey_id" uuid NOT NULL,
	"member_hash" text NOT NULL,
	CONSTRAINT "employee_survey_respondents_survey_id_member_hash_pk" PRIMARY KEY("survey_id","member_hash")
);
--> statement-breakpoint
CREATE TABLE "employee_survey_sample" (
	"survey_id" uuid NOT NULL,
	"member_hash" text NOT NULL,
	CONSTRAINT "employee_survey_sample_survey_id_member_hash_pk" PRIMARY KEY("survey_id","member_hash")
);
--> statement-breakpoint
CREATE TABLE "employee_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"intro" jsonb,
	"questions" jsonb NOT NULL,
	"audience_kind" text NOT NULL,
	"department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"sample_size" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"sample_seed" text,
	"audience_size" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event" text NOT NULL,
	"event_id" uuid NOT NULL,
	"envelope" jsonb NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"last_duration_ms" integer,
	"tries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"resend_of" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"format" text DEFAULT 'parley' NOT NULL,
	"events" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"secret" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"month" text NOT NULL,
	"time_zone" text NOT NULL,
	"data" jsonb NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_chat_facts" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"queued_at" timestamp with time zone,
	"joined_at" timestamp with time zone,
	"replied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "announcement_receipts" (
	"announcement_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"name" text NOT NULL,
	"departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"seen_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcement_receipts_announcement_id_subject_pk" PRIMARY KEY("announcement_id","subject")
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"versions" jsonb NOT NULL,
	"priority" text NOT NULL,
	"ack_required" boolean DEFAULT false NOT NULL,
	"audience_kind" text NOT NULL,
	"department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"employees" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"state" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"went_live_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intranet_employees" (
	"site_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"name" text NOT NULL,
	"departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intranet_employees_site_id_subject_pk" PRIMARY KEY("site_id","subject")
);
--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "employee_jwks_url" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "search_xid" bigint DEFAULT (pg_current_xact_id()::text::bigint) NOT NULL;--> statement-breakpoint
ALTER TABLE "employee_survey_answers" ADD CONSTRAINT "employee_survey_answers_survey_id_employee_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."employee_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_survey_answers" ADD CONSTRAINT "employee_survey_answers_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_survey_respondents" ADD CONSTRAINT "employee_survey_respondents_survey_id_employee_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."employee_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_survey_sample" ADD CONSTRAINT "employee_survey_sample_survey_id_employee_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."employee_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_surveys" ADD CONSTRAINT "employee_surveys_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_surveys" ADD CONSTRAINT "employee_surveys_created_by_agents_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_chat_facts" ADD CONSTRAINT "report_chat_facts_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_receipts" ADD CONSTRAINT "announcement_receipts_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_receipts" ADD CONSTRAINT "announcement_receipts_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_created_by_agents_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intranet_employees" ADD CONSTRAINT "intranet_employees_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employee_survey_answers_survey_idx" ON "employee_survey_answers" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "employee_surveys_site_idx" ON "employee_surveys" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_site_idx" ON "webhook_deliveries" USING btree ("site_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_site_idx" ON "webhook_endpoints" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_site_month_uq" ON "monthly_reports" USING btree ("site_id","month");--> statement-breakpoint
CREATE INDEX "monthly_reports_site_idx" ON "monthly_reports" USING btree ("site_id","generated_at");--> statement-breakpoint
CREATE INDEX "announcements_site_idx" ON "announcements" USING btree ("site_id","state","starts_at");--> statement-breakpoint
CREATE INDEX "intranet_employees_seen_idx" ON "intranet_employees" USING btree ("site_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "conversations_assigned_idx" ON "conversations" USING btree ("department_id","assigned_at") WHERE "conversations"."assigned_at" is not null;--> statement-breakpoint
CREATE INDEX "conversations_site_created_idx" ON "conversations" USING btree ("site_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_report_idx" ON "messages" USING btree ("conversation_id","created_at") WHERE "messages"."author" in ('agent', 'system');--> statement-breakpoint
CREATE INDEX "tickets_site_search_xid_idx" ON "tickets" USING btree ("site_id","search_xid");--> statement-breakpoint
CREATE INDEX "tickets_site_created_idx" ON "tickets" USING btree ("site_id","created_at");--> statement-breakpoint
CREATE INDEX "tickets_visitor_idx" ON "tickets" USING btree ("visitor_id","created_at") WHERE "tickets"."visitor_id" is not null;