// Reference oracle for the parser tests: asks Groovy 2.4 whether each file given on the command line parses,
// by compiling it up to phase CONVERSION (syntax only, no class resolution). One JVM for the whole batch.
// Prints one line per file: "OK <path>" or "ERR <path> <first line of Groovy's message>".
// With "--rounds=N" first (used by benches/parse.rs) it parses every file N times instead and prints
// "ROUND <i> <nanoseconds>" per round, so the benchmark can read Groovy's warm parse time.
import java.io.File;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;

public class ParseCheck {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].startsWith("--rounds=")) {
            int rounds = Integer.parseInt(args[0].substring("--rounds=".length()));
            String[] files = java.util.Arrays.copyOfRange(args, 1, args.length);
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                for (String path : files) {
                    check(path);
                }
                System.out.println("ROUND " + r + " " + (System.nanoTime() - start));
            }
            return;
        }
        for (String path : args) {
            System.out.println(check(path));
        }
    }

    static String check(String path) {
        CompilationUnit unit = new CompilationUnit(new CompilerConfiguration());
        try {
            unit.addSource(new File(path));
            unit.compile(Phases.CONVERSION);
            return "OK " + path;
        } catch (CompilationFailedException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().replace('\n', ' ');
            return "ERR " + path + " " + msg;
        } catch (Throwable e) {
            return "ERR " + path + " " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
