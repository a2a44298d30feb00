-- Issue 16.7: the reads of a period stay reads of one period however many are stored.
-- The runs approved for a period (the national board, the national list, the approved
-- classes, funding priority) and the latest approved period were found by a full scan
-- of run_approval: every approval of every period (EXPLAIN in docs/benchmarks.md).
-- Portable: MySQL 8, MariaDB 10.11 and H2 in MySQL mode.
CREATE INDEX ix_run_approval_status_period ON run_approval (status, period, province_code);
