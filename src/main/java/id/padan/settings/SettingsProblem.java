package id.padan.settings;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used as written: which file, which key (its path in the file,
 * e.g. {@code thresholds.review}; empty for the file as a whole) and why. The message is one line an
 * operator can act on: {@code config/findings.yml: gaps[1].min-age: must be 0 or more (found -6)}.
 */
public final class SettingsProblem extends IllegalStateException {
    private final transient Path file;
    private final String key;
    private final String reason;

    public SettingsProblem(Path file, String key, String reason) {
        super(file + ": " + (key == null || key.isEmpty() ? "" : key + ": ") + reason);
        this.file = file;
        this.key = key == null ? "" : key;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String key() {
        return key;
    }

    public String reason() {
        return reason;
    }
}
