// Reference oracle for the parser tests: asks Groovy 2.4 whether each file given on the command line parses,
// by compiling it up to phase CONVERSION (syntax only, no class resolution). One JVM for the whole batch.
// Prints one line per file: "OK <path>" or "ERR <path> <first line of Groovy's message>".
import java.io.File;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;

public class ParseCheck {
    public static void main(String[] args) {
        for (String path : args) {
            CompilationUnit unit = new CompilationUnit(new CompilerConfiguration());
            try {
                unit.addSource(new File(path));
                unit.compile(Phases.CONVERSION);
                System.out.println("OK " + path);
            } catch (CompilationFailedException e) {
                String msg = e.getMessage() == null ? "" : e.getMessage().replace('\n', ' ');
                System.out.println("ERR " + path + " " + msg);
            } catch (Throwable e) {
                System.out.println("ERR " + path + " " + e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }
}
