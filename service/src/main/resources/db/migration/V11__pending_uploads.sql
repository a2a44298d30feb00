-- Issue 18: the console's uploads between their preview and the officer's confirmation, in
-- the database so the confirmation may reach another node. Portable across MySQL 8, MariaDB
-- 10.11+ and H2 in MySQL mode.

-- One upload: bound to its uploader, kept until it expires (or is started or cancelled).
-- Kept under the SHA-256 of its token (the token itself is only in the uploader's page).
CREATE TABLE pending_upload (
    -- the order of uploads (of one millisecond too): a user's oldest makes room first
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash   CHAR(64)     NOT NULL,
    uploaded_by  VARCHAR(128) NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    parts        INT          NOT NULL,
    kept_at      DATETIME(3)  NOT NULL,
    expires_at   DATETIME(3)  NOT NULL,
    CONSTRAINT uq_pending_upload_token UNIQUE (token_hash)
);

CREATE INDEX ix_pending_upload_user ON pending_upload (uploaded_by, id);
CREATE INDEX ix_pending_upload_expiry ON pending_upload (expires_at);

-- The file in parts of at most 1 MiB: one statement stays under MySQL's and MariaDB's
-- default max_allowed_packet (16 MiB in MariaDB, 64 MiB in MySQL 8) whatever the upload
-- limit is.
CREATE TABLE pending_upload_part (
    token_hash CHAR(64)   NOT NULL,
    part_no    INT        NOT NULL,
    content    MEDIUMBLOB NOT NULL,
    PRIMARY KEY (token_hash, part_no),
    CONSTRAINT fk_pending_upload_part FOREIGN KEY (token_hash) REFERENCES pending_upload (token_hash)
        ON DELETE CASCADE
);
