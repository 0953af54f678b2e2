package id.padan.run;

/** Where a reconciliation run stands ({@code padan.run.status}); a {@code FAILED} run resumes with {@code padan restart}. */
public enum RunStatus { RUNNING, COMPLETED, FAILED }
