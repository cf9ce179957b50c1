CREATE TABLE "email_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"user_agent" text,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"password_hash" text,
	"is_instance_admin" boolean DEFAULT false NOT NULL,
	"avatar_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "association_members" (
	"association_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "association_members_pkey" PRIMARY KEY("association_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "associations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"parent_id" uuid,
	"language" text DEFAULT 'fr' NOT NULL,
	"time_zone" text DEFAULT 'Europe/Paris' NOT NULL,
	"primary_color" text DEFAULT '#1d4ed8' NOT NULL,
	"accent_color" text DEFAULT '#b45309' NOT NULL,
	"logo_key" text,
	"enabled_modules" text[] DEFAULT '{spheres}'::text[] NOT NULL,
	"sphere_creation_policy" text DEFAULT 'request' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sphere_creation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"visibility" text NOT NULL,
	"parent_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"existing_sphere_id" uuid,
	"created_sphere_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sphere_join_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"sphere_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sphere_members" (
	"sphere_id" uuid NOT NULL,
	"association_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sphere_members_pkey" PRIMARY KEY("sphere_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "spheres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"visibility" text NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"kind" text NOT NULL,
	"email" text,
	"association_role" text NOT NULL,
	"sphere_id" uuid,
	"sphere_role" text DEFAULT 'member' NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"max_uses" integer,
	"use_count" integer DEFAULT 0 NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid,
	"actor_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "association_members" ADD CONSTRAINT "association_members_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "association_members" ADD CONSTRAINT "association_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_parent_id_associations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."associations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_creation_requests" ADD CONSTRAINT "sphere_creation_requests_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_creation_requests" ADD CONSTRAINT "sphere_creation_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_creation_requests" ADD CONSTRAINT "sphere_creation_requests_parent_id_spheres_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."spheres"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_creation_requests" ADD CONSTRAINT "sphere_creation_requests_existing_sphere_id_spheres_id_fk" FOREIGN KEY ("existing_sphere_id") REFERENCES "public"."spheres"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_creation_requests" ADD CONSTRAINT "sphere_creation_requests_created_sphere_id_spheres_id_fk" FOREIGN KEY ("created_sphere_id") REFERENCES "public"."spheres"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_creation_requests" ADD CONSTRAINT "sphere_creation_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_join_requests" ADD CONSTRAINT "sphere_join_requests_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_join_requests" ADD CONSTRAINT "sphere_join_requests_sphere_id_spheres_id_fk" FOREIGN KEY ("sphere_id") REFERENCES "public"."spheres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_join_requests" ADD CONSTRAINT "sphere_join_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_join_requests" ADD CONSTRAINT "sphere_join_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_members" ADD CONSTRAINT "sphere_members_sphere_id_spheres_id_fk" FOREIGN KEY ("sphere_id") REFERENCES "public"."spheres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_members" ADD CONSTRAINT "sphere_members_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sphere_members" ADD CONSTRAINT "sphere_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spheres" ADD CONSTRAINT "spheres_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spheres" ADD CONSTRAINT "spheres_parent_id_spheres_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."spheres"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spheres" ADD CONSTRAINT "spheres_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_sphere_id_spheres_id_fk" FOREIGN KEY ("sphere_id") REFERENCES "public"."spheres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_tokens_token_hash_key" ON "email_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "email_tokens_expires_at_idx" ON "email_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "email_tokens_user_id_idx" ON "email_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_last_seen_idx" ON "sessions" USING btree ("user_id","last_seen_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sessions_expires_at_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_display_name_trgm_idx" ON "users" USING gin (trame_fold("display_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "association_members_user_id_idx" ON "association_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "association_members_association_role_idx" ON "association_members" USING btree ("association_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "associations_slug_key" ON "associations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "associations_parent_id_idx" ON "associations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "associations_name_trgm_idx" ON "associations" USING gin (trame_fold("name") gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "charter_versions_association_version_key" ON "charter_versions" USING btree ("association_id","version");--> statement-breakpoint
CREATE INDEX "sphere_creation_requests_association_status_idx" ON "sphere_creation_requests" USING btree ("association_id","status","created_at");--> statement-breakpoint
CREATE INDEX "sphere_creation_requests_requested_by_idx" ON "sphere_creation_requests" USING btree ("association_id","requested_by");--> statement-breakpoint
CREATE UNIQUE INDEX "sphere_join_requests_one_pending_key" ON "sphere_join_requests" USING btree ("sphere_id","user_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "sphere_join_requests_sphere_status_idx" ON "sphere_join_requests" USING btree ("sphere_id","status","created_at");--> statement-breakpoint
CREATE INDEX "sphere_join_requests_association_user_idx" ON "sphere_join_requests" USING btree ("association_id","user_id");--> statement-breakpoint
CREATE INDEX "sphere_members_association_user_idx" ON "sphere_members" USING btree ("association_id","user_id");--> statement-breakpoint
CREATE INDEX "sphere_members_sphere_role_idx" ON "sphere_members" USING btree ("sphere_id","role");--> statement-breakpoint
CREATE INDEX "spheres_directory_idx" ON "spheres" USING btree ("association_id",trame_fold("name"),"id");--> statement-breakpoint
CREATE INDEX "spheres_name_trgm_idx" ON "spheres" USING gin (trame_fold("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "spheres_parent_id_idx" ON "spheres" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_association_created_idx" ON "invitations" USING btree ("association_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "invitations_expires_at_idx" ON "invitations" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "outbox_messages_created_idx" ON "outbox_messages" USING btree ("created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "outbox_messages_to_idx" ON "outbox_messages" USING btree ("to_address");--> statement-breakpoint
CREATE INDEX "audit_log_association_created_idx" ON "audit_log" USING btree ("association_id","created_at" DESC NULLS LAST,"id");