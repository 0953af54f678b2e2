package id.padan.run.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An embedded PostgreSQL already running on a data directory, found from its {@code postmaster.pid}. Whether other
 * padan processes use it, or it was left by processes that were killed (an orphan, to be stopped before the directory
 * can be started again), is for {@link EmbeddedServerLease} to tell.
 */
record RunningEmbeddedServer(long pid, int port) {

    static Optional<RunningEmbeddedServer> find(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return Optional.empty();
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 4) return Optional.empty();
        long pid;
        int port;
        try {
            pid = Long.parseLong(lines.get(0).strip());
            port = Integer.parseInt(lines.get(3).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean postgresAlive = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true)).orElse(false);
        if (!postgresAlive) return Optional.empty(); // a stale pid file: PostgreSQL removes it itself when it starts
        return Optional.of(new RunningEmbeddedServer(pid, port));
    }

    /** Stops the server (fast shutdown: no padan process uses it any more) and waits for it to exit. */
    void stop() {
        ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
        if (handle == null) return;
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            handle.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            handle.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the embedded PostgreSQL (pid " + pid
                    + ") did not stop; stop it, then try again", e);
        }
    }
}
