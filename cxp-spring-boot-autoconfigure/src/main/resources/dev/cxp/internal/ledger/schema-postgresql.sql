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
	CONSTRAINT cxp_consent_record_pk PRIMARY KEY (receipt_id)
);

CREATE INDEX IF NOT EXISTS cxp_consent_record_recorded_at_ix ON cxp_consent_record (recorded_at);
