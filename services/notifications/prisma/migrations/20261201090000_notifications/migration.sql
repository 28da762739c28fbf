-- Notifications: the contact directory (from membership.contact.changed), preferences, staff audience
-- subscriptions, one notification per (event, recipient, channel), and the delivery log.
CREATE TABLE "contacts" (
    "subject_id" UUID NOT NULL,
    "subject_kind" TEXT NOT NULL CHECK ("subject_kind" IN ('member', 'account')),
    "member_id" UUID,
    "email" TEXT,
    "phone" TEXT,
    "language" TEXT NOT NULL DEFAULT 'tr' CHECK ("language" IN ('tr', 'en')),
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "contacts_pkey" PRIMARY KEY ("subject_id")
);
CREATE INDEX "contacts_member_id_idx" ON "contacts"("member_id");

CREATE TABLE "channel_preferences" (
    "subject_id" UUID NOT NULL,
    "channel" TEXT NOT NULL CHECK ("channel" IN ('email', 'sms')),
    "enabled" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "channel_preferences_pkey" PRIMARY KEY ("subject_id", "channel")
);

CREATE TABLE "audience_subscriptions" (
    "account_id" UUID NOT NULL,
    "audience" TEXT NOT NULL CHECK ("audience" IN ('staff', 'evaluation-committee', 'election-committee', 'executive-board')),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "audience_subscriptions_pkey" PRIMARY KEY ("account_id", "audience")
);
CREATE INDEX "audience_subscriptions_audience_idx" ON "audience_subscriptions"("audience");

CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "recipient_kind" TEXT NOT NULL CHECK ("recipient_kind" IN ('member', 'account', 'integration')),
    "recipient_id" TEXT NOT NULL,
    "member_id" UUID,
    "channel" TEXT NOT NULL CHECK ("channel" IN ('email', 'sms', 'webhook')),
    "template" TEXT NOT NULL,
    "language" TEXT NOT NULL CHECK ("language" IN ('tr', 'en')),
    "essential" BOOLEAN NOT NULL,
    "variables" JSONB NOT NULL,
    "status" TEXT NOT NULL CHECK ("status" IN ('pending', 'queued', 'sent', 'failed', 'skipped')),
    "attempts" INTEGER NOT NULL DEFAULT 0 CHECK ("attempts" >= 0),
    "last_error" TEXT,
    "not_before" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settled_at" TIMESTAMPTZ(3),
    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notifications_event_id_recipient_id_channel_key" ON "notifications"("event_id", "recipient_id", "channel");
CREATE INDEX "notifications_status_created_at_idx" ON "notifications"("status", "created_at");
CREATE INDEX "notifications_member_id_created_at_idx" ON "notifications"("member_id", "created_at");

CREATE TABLE "delivery_attempts" (
    "id" BIGSERIAL NOT NULL,
    "notification_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL CHECK ("outcome" IN ('sent', 'failed', 'skipped')),
    "provider_response" TEXT,
    "duration_ms" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "delivery_attempts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "delivery_attempts_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "delivery_attempts_notification_id_at_idx" ON "delivery_attempts"("notification_id", "at");
