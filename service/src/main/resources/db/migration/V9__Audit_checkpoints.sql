-- Issue 13 (5d): signed checkpoints anchoring the audit chain. Each row is the chain's
-- position (entry id and hash) at a moment, signed with an Ed25519 key kept outside the
-- database (classifier.audit.checkpoint.key-file): whoever rewrites the chain and
-- recomputes every hash cannot sign a matching checkpoint. Only ever inserted. Portable
-- across MySQL 8, MariaDB 10.11+ and H2 in MySQL mode (DATETIME, not TIMESTAMP: see V5).
CREATE TABLE audit_checkpoint (
    -- 1, 2, 3…: signed, so a checkpoint removed from the middle shows as a gap
    id          BIGINT        PRIMARY KEY,
    entry_id    BIGINT        NOT NULL,
    entry_hash  CHAR(64)      NOT NULL,
    signed_at   DATETIME(3)   NOT NULL,
    signed_by   VARCHAR(128)  NOT NULL,
    -- the first 16 hex digits of the SHA-256 of the public key (X.509 DER)
    key_id      CHAR(16)      NOT NULL,
    -- the public key, X.509 DER in Base64 (the export's PEM body)
    public_key  VARCHAR(200)  NOT NULL,
    -- Ed25519 over the payload (AuditCheckpoints.payload), Base64
    signature   VARCHAR(200)  NOT NULL
);
