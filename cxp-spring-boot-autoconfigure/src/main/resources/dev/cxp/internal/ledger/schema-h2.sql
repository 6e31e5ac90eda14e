-- The consent ledger: one row per consent choice, appended by the starter and deleted only by the purge.
CREATE TABLE IF NOT EXISTS cxp_consent_record (
	receipt_id CHAR(32) NOT NULL,
	recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
	revision VARCHAR(64) NOT NULL,
	purposes VARCHAR(8000) NOT NULL,
	method VARCHAR(16) NOT NULL,
	region VARCHAR(16),
	visitor VARCHAR(128),
	user_agent_hash CHAR(64),
	ip_prefix VARCHAR(48),
	user_link CHAR(64),
	CONSTRAINT cxp_consent_record_pk PRIMARY KEY (receipt_id)
);

CREATE INDEX IF NOT EXISTS cxp_consent_record_recorded_at_ix ON cxp_consent_record (recorded_at);

-- Ledgers created before consent followed the signed-in user (0.3 and earlier) gain the column here.
ALTER TABLE cxp_consent_record ADD COLUMN IF NOT EXISTS user_link CHAR(64);

-- A user's latest choice is read once per sign-in: one index lookup, latest first.
CREATE INDEX IF NOT EXISTS cxp_consent_record_user_link_ix ON cxp_consent_record (user_link, recorded_at);

-- The visitor ids of signed-in users, kept only while their visit sessions can live, so that a data subject's
-- request reaches those sessions; the ledger itself may keep only HMACs of visitor ids.
CREATE TABLE IF NOT EXISTS cxp_user_visitor (
	user_link CHAR(64) NOT NULL,
	visitor_id VARCHAR(128) NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	CONSTRAINT cxp_user_visitor_pk PRIMARY KEY (user_link, visitor_id)
);

CREATE INDEX IF NOT EXISTS cxp_user_visitor_expires_at_ix ON cxp_user_visitor (expires_at);
