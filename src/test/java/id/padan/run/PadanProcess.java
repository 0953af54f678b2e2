package id.padan.run;

import id.padan.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * {@code java -jar target/padan.jar ...} as a separate process, so that a test can kill it for real
 * ({@link #kill()} is SIGKILL). Its standard output and error are collected line by line.
 */
final class PadanProcess implements AutoCloseable {
    static final Path JAR = Path.of("target/padan.jar").toAbsolutePath();
    static final Path CONFIG = Path.of("config").toAbsolutePath();

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread pump;
    private final String name;

    private PadanProcess(Process process, String name) {
        this.process = process;
        this.name = name;
        this.pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "padan-output-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts padan in {@code workDir} on database {@code db} (null: its own embedded PostgreSQL in {@code workDir/.padan});
     * {@code properties} become JVM system properties.
     */
    static PadanProcess start(Path workDir, TestDatabase.Db db, Map<String, String> properties, String... args) throws IOException {
        Files.createDirectories(workDir);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss1m", "-Xmx768m"));
        if (db != null) {
            cmd.addAll(List.of("-Dpadan.db.url=" + db.url(), "-Dpadan.db.user=" + db.user(), "-Dpadan.db.password=" + (db.password() == null ? "" : db.password())));
        }
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PADAN_DB_") || k.equals("PADAN_CONFIG"));
        return new PadanProcess(pb.start(), args.length == 0 ? "padan" : args[0]);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for an output line matching {@code match}; fails (with the output) when the process ends first or time runs out. */
    String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) if (match.test(lines.get(seen))) return lines.get(seen);
                if (!process.isAlive() && !pump.isAlive()) throw new AssertionError(name + " ended (exit " + process.exitValue() + ") before the expected line:\n" + output());
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError(name + ": expected line did not come in " + timeout + ":\n" + output());
                lines.wait(Math.min(200, Math.max(1, left / 1_000_000)));
            }
        }
    }

    String awaitLine(String containing, Duration timeout) throws InterruptedException {
        return awaitLine(l -> l.contains(containing), timeout);
    }

    /** Polls {@code condition} until it holds; fails (with the output) when the process ends first or time runs out. */
    void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) throw new AssertionError(name + " ended before " + what + ":\n" + output());
            if (System.nanoTime() > deadline) throw new AssertionError("no " + what + " within " + timeout + ":\n" + output());
            Thread.sleep(50);
        }
    }

    /** Waits for the process to end by itself and returns its exit status. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not end within " + timeout + ":\n" + output());
        }
        pump.join(5000);
        return process.exitValue();
    }

    /** kill -9: no shutdown hook, no clean-up, exactly like a crash or power loss of this process. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        pump.join(5000);
    }

    /**
     * SIGTERM: the clean stop an operator (or systemd) asks for. Sent through the process handle, which only signals
     * ({@link Process#destroy} also closes our end of its output, losing what it prints while it stops).
     */
    int stop(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        return waitFor(timeout);
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
