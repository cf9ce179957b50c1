CREATE TABLE "invitation_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid,
	"display_name" text,
	"password_hash" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitation_confirmations" ADD CONSTRAINT "invitation_confirmations_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_confirmations" ADD CONSTRAINT "invitation_confirmations_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_confirmations" ADD CONSTRAINT "invitation_confirmations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitation_confirmations_token_hash_key" ON "invitation_confirmations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitation_confirmations_invitation_idx" ON "invitation_confirmations" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "invitation_confirmations_user_idx" ON "invitation_confirmations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "invitation_confirmations_expires_at_idx" ON "invitation_confirmations" USING btree ("expires_at");