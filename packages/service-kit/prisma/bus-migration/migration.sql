-- Konsey event bus tables (service-kit/prisma/bus.prisma).
CREATE TABLE "konsey_outbox" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "konsey_outbox_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "konsey_outbox_seq_key" ON "konsey_outbox"("seq");
CREATE INDEX "konsey_outbox_published_at_seq_idx" ON "konsey_outbox"("published_at", "seq");

CREATE TABLE "konsey_inbox" (
    "message_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "trace_id" TEXT,
    "handled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "konsey_inbox_pkey" PRIMARY KEY ("message_id")
);
