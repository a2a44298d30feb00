-- Issue 16.7: the reads of a period stay reads of one period however many are stored.
-- The runs approved for a period (the national board, the national list, the approved
-- classes, funding priority) were found by a full scan of run_approval, and the approved
-- classes then read the decisions of every approved run of every period (EXPLAIN in
-- docs/benchmarks.md). Period first: an index led by status would be taken by the
-- decision_class view's join on run_id (MariaDB chose it, covering, over the primary
-- key, and read every approval for each decision).
-- Portable: MySQL 8, MariaDB 10.11 and H2 in MySQL mode.
CREATE INDEX ix_run_approval_period ON run_approval (period, status);
