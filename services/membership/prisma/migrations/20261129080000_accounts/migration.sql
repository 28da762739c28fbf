-- Sign-in and tokens: accounts, their roles, refresh-token sessions, one-time codes and their delivery
-- requests, and the keys that sign access tokens (auth module, services/membership/src/auth).
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL CHECK ("kind" IN ('member', 'staff')),
    "member_id" UUID,
    "email" TEXT NOT NULL CHECK ("email" = lower("email")),
    "display_name" TEXT,
    "language" TEXT NOT NULL DEFAULT 'tr' CHECK ("language" IN ('tr', 'en')),
    "password_hash" TEXT,
    "failed_sign_ins" INTEGER NOT NULL DEFAULT 0 CHECK ("failed_sign_ins" >= 0),
    "locked_until" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "accounts_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "accounts_kind_member_check" CHECK (("kind" = 'member') = ("member_id" IS NOT NULL))
);
CREATE UNIQUE INDEX "accounts_member_id_key" ON "accounts"("member_id");
CREATE UNIQUE INDEX "accounts_email_key" ON "accounts"("email");

CREATE TABLE "account_roles" (
    "account_id" UUID NOT NULL,
    "role" TEXT NOT NULL CHECK ("role" IN ('member', 'executive-board', 'evaluation-committee', 'election-committee', 'staff', 'operator')),
    "granted_by" TEXT NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "account_roles_pkey" PRIMARY KEY ("account_id", "role"),
    CONSTRAINT "account_roles_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "auth_sessions" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "method" TEXT NOT NULL CHECK ("method" IN ('password', 'code')),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" TEXT CHECK ("revoked_reason" IN ('signed-out', 'token-reused', 'staff-revoked', 'password-changed')),
    CONSTRAINT "auth_sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "auth_sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "auth_sessions_revoked_check" CHECK (("revoked_at" IS NULL) = ("revoked_reason" IS NULL))
);
CREATE INDEX "auth_sessions_account_id_idx" ON "auth_sessions"("account_id");

CREATE TABLE "refresh_tokens" (
    "token_hash" TEXT NOT NULL,
    "session_id" UUID NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("token_hash"),
    CONSTRAINT "refresh_tokens_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "auth_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "refresh_tokens_session_id_idx" ON "refresh_tokens"("session_id");

CREATE TABLE "sign_in_codes" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0 CHECK ("attempts" >= 0),
    "consumed_at" TIMESTAMPTZ(3),
    CONSTRAINT "sign_in_codes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sign_in_codes_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "sign_in_codes_account_id_created_at_idx" ON "sign_in_codes"("account_id", "created_at");

CREATE TABLE "sign_in_code_deliveries" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "channel" TEXT NOT NULL CHECK ("channel" IN ('email', 'sms')),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sign_in_code_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sign_in_code_deliveries_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "sign_in_code_deliveries_account_id_created_at_idx" ON "sign_in_code_deliveries"("account_id", "created_at");

-- The private JWK is sealed (AES-256-GCM) by the application under AUTH_KEY_ENCRYPTION_KEY; production
-- should supply that key from a KMS or secret store. It is cleared once the key no longer signs.
CREATE TABLE "signing_keys" (
    "kid" TEXT NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "private_jwk" TEXT,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "signs_from" TIMESTAMPTZ(3) NOT NULL,
    "retires_at" TIMESTAMPTZ(3),
    CONSTRAINT "signing_keys_pkey" PRIMARY KEY ("kid"),
    CONSTRAINT "signing_keys_schedule_check" CHECK ("published_at" <= "signs_from" AND ("retires_at" IS NULL OR "retires_at" >= "signs_from"))
);
