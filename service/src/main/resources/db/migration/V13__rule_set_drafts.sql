-- Issue 14: the analyst's workbench. A draft is a working copy of a rule-set version's
-- bundle that an analyst edits in the console (parameters, DRL, scenario rows) until it is
-- published as a new version through the upload path. Several analysts may have drafts, of
-- the same version or of others. Portable across MySQL 8, MariaDB 10.11+ and H2 (MySQL mode).

CREATE TABLE rule_set_draft (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    -- the version it was started from: what its diff is against
    parent_version_id    BIGINT        NOT NULL,
    author               VARCHAR(128)  NOT NULL,
    created_at           DATETIME(3)   NOT NULL,
    updated_at           DATETIME(3)   NOT NULL,
    -- who saved it last
    updated_by           VARCHAR(128)  NOT NULL,
    -- once published: the version it became (a published draft is no longer edited)
    published_version_id BIGINT        NULL,
    CONSTRAINT fk_rule_set_draft_parent FOREIGN KEY (parent_version_id) REFERENCES rule_set_version (id),
    CONSTRAINT fk_rule_set_draft_published FOREIGN KEY (published_version_id) REFERENCES rule_set_version (id)
);

CREATE INDEX ix_rule_set_draft_parent ON rule_set_draft (parent_version_id);

-- The draft's files, by path: DRL, the law's data, scenario tables (as in rule_set_file).
CREATE TABLE rule_set_draft_file (
    draft_id  BIGINT        NOT NULL,
    path      VARCHAR(255)  NOT NULL,
    kind      VARCHAR(16)   NOT NULL,
    content   LONGBLOB      NOT NULL,
    PRIMARY KEY (draft_id, path),
    CONSTRAINT fk_rule_set_draft_file FOREIGN KEY (draft_id) REFERENCES rule_set_draft (id)
);
