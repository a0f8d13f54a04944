CREATE TABLE "kb_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"excerpt" text DEFAULT '' NOT NULL,
	"category_id" uuid,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"helpful_yes" integer DEFAULT 0 NOT NULL,
	"helpful_no" integer DEFAULT 0 NOT NULL,
	"author_id" uuid,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"names" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_gaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"key" text NOT NULL,
	"example" text NOT NULL,
	"locale" text NOT NULL,
	"reason" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"last_asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"conversation_id" uuid,
	"resolved_article_id" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_sites" (
	"site_id" uuid PRIMARY KEY NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_tombstones" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"visitor_id" uuid,
	"helpful" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_category_id_kb_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."kb_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_author_id_agents_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_categories" ADD CONSTRAINT "kb_categories_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_gaps" ADD CONSTRAINT "kb_gaps_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_gaps" ADD CONSTRAINT "kb_gaps_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_gaps" ADD CONSTRAINT "kb_gaps_resolved_article_id_kb_articles_id_fk" FOREIGN KEY ("resolved_article_id") REFERENCES "public"."kb_articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_sites" ADD CONSTRAINT "kb_sites_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_tombstones" ADD CONSTRAINT "kb_tombstones_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_votes" ADD CONSTRAINT "kb_votes_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_votes" ADD CONSTRAINT "kb_votes_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kb_articles_group_locale_uq" ON "kb_articles" USING btree ("site_id","group_id","locale");--> statement-breakpoint
CREATE INDEX "kb_articles_site_revision_idx" ON "kb_articles" USING btree ("site_id","revision");--> statement-breakpoint
CREATE INDEX "kb_articles_category_idx" ON "kb_articles" USING btree ("category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_categories_site_slug_uq" ON "kb_categories" USING btree ("site_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_gaps_site_key_uq" ON "kb_gaps" USING btree ("site_id","key");--> statement-breakpoint
CREATE INDEX "kb_gaps_open_idx" ON "kb_gaps" USING btree ("site_id","count") WHERE "kb_gaps"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "kb_tombstones_site_revision_idx" ON "kb_tombstones" USING btree ("site_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_votes_article_visitor_uq" ON "kb_votes" USING btree ("article_id","visitor_id");--> statement-breakpoint
CREATE INDEX "kb_votes_article_idx" ON "kb_votes" USING btree ("article_id","created_at");--> statement-breakpoint
-- Data: the FAQ entries of a database created before the knowledge base become published (or draft)
-- KB articles, one group per (site, group_key), so no site loses its content. A fresh database has no
-- FAQ rows yet, so this inserts nothing there.
INSERT INTO "kb_sites" ("site_id", "revision")
SELECT DISTINCT "site_id", 1 FROM "faq_entries";--> statement-breakpoint
WITH "groups" AS (
	SELECT "site_id", "group_key", gen_random_uuid() AS "group_id" FROM "faq_entries" GROUP BY "site_id", "group_key"
)
INSERT INTO "kb_articles" ("site_id", "group_id", "locale", "title", "body", "excerpt", "keywords", "status", "revision", "created_at", "updated_at")
SELECT f."site_id", g."group_id", f."locale", left(btrim(f."question"), 200), f."answer",
	left(btrim(regexp_replace(f."answer", '\s+', ' ', 'g')), 200), f."keywords",
	CASE WHEN f."published" THEN 'published' ELSE 'draft' END, 1, f."created_at", f."created_at"
FROM "faq_entries" f JOIN "groups" g ON g."site_id" = f."site_id" AND g."group_key" = f."group_key"
WHERE f."locale" IN ('en', 'zh-CN', 'zh-TW');
