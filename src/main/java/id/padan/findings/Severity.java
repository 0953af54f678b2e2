package id.padan.findings;

/** How urgent a finding is, configured per code in {@code config/findings.yml}; stored in {@code padan.finding.severity}. */
public enum Severity { ERROR, WARNING, INFO }
