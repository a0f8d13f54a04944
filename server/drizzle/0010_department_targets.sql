CREATE TABLE "department_targets" (
	"department_id" uuid PRIMARY KEY NOT NULL,
	"targets" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "department_targets" ADD CONSTRAINT "department_targets_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;