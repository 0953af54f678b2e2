package id.padan.run.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An embedded PostgreSQL already running on a data directory, found from its {@code postmaster.pid}. Either
 * another padan process owns it (it holds the directory's {@code epg-lock}: a daemon, say), and this process can
 * use it as a guest; or its owner ended without stopping it (a {@code kill -9}), and it is an orphan that must be
 * stopped before the directory can be started again: left alone it keeps the data directory, and a new start
 * fails with "Connection refused".
 */
record RunningEmbeddedServer(long pid, int port, boolean ownerAlive) {

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
        return Optional.of(new RunningEmbeddedServer(pid, port, ownerAlive(dataDir.resolve("epg-lock"))));
    }

    /** The owning padan process holds an OS lock on {@code epg-lock} for as long as it lives. */
    private static boolean ownerAlive(Path lockFile) {
        if (!Files.exists(lockFile)) return false;
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very process owns it
        } catch (IOException e) {
            return true; // cannot tell: do not stop a server someone may be using
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Stops an orphaned server (fast shutdown: its clients are gone) and waits for it to exit. */
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
            throw new IllegalStateException("the embedded PostgreSQL left running by an earlier padan process (pid " + pid
                    + ") did not stop; stop it, then try again", e);
        }
    }
}
