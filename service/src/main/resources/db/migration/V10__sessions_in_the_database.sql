-- Issue 18: two nodes, one database. Portable across MySQL 8, MariaDB 10.11+ and H2 in MySQL
-- mode (the quick start).

-- The console's sessions (Spring Session JDBC), so any node serves a signed-in user: the
-- schema Spring Session ships for MySQL, without its table options. The names stay in
-- capitals, as Spring Session's queries spell them (MySQL and MariaDB compare table names
-- case-sensitively on Linux; H2 lowers both).
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36)     NOT NULL,
    SESSION_ID            CHAR(36)     NOT NULL,
    CREATION_TIME         BIGINT       NOT NULL,
    LAST_ACCESS_TIME      BIGINT       NOT NULL,
    MAX_INACTIVE_INTERVAL INT          NOT NULL,
    EXPIRY_TIME           BIGINT       NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    BLOB         NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- The quick start's administrator (no local users, no OIDC, no profile but dev): its
-- password is made once, by whichever node starts first on an empty table, and only its
-- hash is kept; every node checks sign-ins against this row.
CREATE TABLE quick_start_admin (
    name          VARCHAR(128) PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    created_at    DATETIME(3)  NOT NULL
);
