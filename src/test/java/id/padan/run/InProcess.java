package id.padan.run;

import id.padan.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A padan command run inside the test JVM (quicker than a new JVM, for steps no test kills), on a given database,
 * with what it prints to standard output and error.
 */
final class InProcess {
    record Result(int exit, String output) {}

    private InProcess() {}

    static synchronized Result padan(TestDatabase.Db db, String... args) {
        db.useForProduct();
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        int exit;
        try {
            exit = Cli.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        out.print(text);
        return new Result(exit, text);
    }
}
