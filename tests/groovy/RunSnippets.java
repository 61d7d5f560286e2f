// Reference oracle for the interpreter conformance suite (tests/groovy_conformance.rs): runs each Groovy
// snippet named on the command line with real Groovy 2.4.21, all in one JVM, and prints what it printed.
//
// Usage: java -cp groovy-2.4.21.jar:antlr.jar:asm.jar tests/groovy/RunSnippets.java FILE...
// (groovy-json.jar is picked up from the folder of those jars.)
//
// For every file: a header line "=== <path>", then the snippet's output, then, when the script threw, one
// line with the throwable's toString() (more lines only when its message has several: a power assert
// diagram), or "ERROR: <message>" for hudson.AbortException (what Jenkins' `error` step throws and how
// Jenkins reports it). A MissingMethodException's "Possible solutions: ..." line is dropped: Groovy lists
// equally ranked methods in an order that changes between runs.
//
// Each snippet gets a fresh GroovyShell and Binding and is compiled as the class WorkflowScript, the name
// Jenkins gives a Pipeline script. The binding provides the two steps snippets may use besides println:
// `echo` (prints its argument) and `error` (throws hudson.AbortException).
import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

public class RunSnippets {
    public static void main(String[] args) throws Exception {
        PrintStream realOut = new PrintStream(System.out, true, "UTF-8");
        GroovyClassLoader loader = new GroovyClassLoader(RunSnippets.class.getClassLoader());
        addJsonJar(loader);
        // Jenkins' `error` step throws this class; snippets may catch it and read e.message.
        Class<?> abort = loader.parseClass(
                "package hudson; class AbortException extends IOException { AbortException(String m) { super(m) } }",
                "AbortException.groovy");
        for (String path : args) {
            realOut.print("=== " + path + "\n");
            realOut.print(run(loader, abort, path));
            realOut.flush();
        }
    }

    // Pipelines use groovy.json (JsonOutput, JsonSlurperClassic), which Groovy ships as a jar of its own:
    // take it from the folder of a class path jar (the Groovy lib folder) unless the class path has it.
    static void addJsonJar(GroovyClassLoader loader) throws Exception {
        try {
            Class.forName("groovy.json.JsonOutput");
            return;
        } catch (ClassNotFoundException e) {
            // not on the class path: look beside the jars that are
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File dir = new File(entry).getAbsoluteFile().getParentFile();
            if (dir == null) {
                continue;
            }
            for (String name : new String[] {"groovy-json.jar", "groovy-json-2.4.21.jar"}) {
                File jar = new File(dir, name);
                if (jar.isFile()) {
                    loader.addURL(jar.toURI().toURL());
                    return;
                }
            }
        }
        System.err.println("RunSnippets: groovy-json.jar is in none of the class path folders ("
                + System.getProperty("java.class.path") + "); it comes with Debian's groovy package");
        System.exit(2);
    }

    static String run(GroovyClassLoader loader, Class<?> abort, String path) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream captured;
        try {
            captured = new PrintStream(buffer, true, "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(captured, StandardCharsets.UTF_8), true);
        String failure = null;
        System.setOut(captured);
        try {
            String text = new String(Files.readAllBytes(Paths.get(path)), StandardCharsets.UTF_8);
            Binding binding = new Binding();
            binding.setVariable("out", writer);
            // The steps are Groovy closures made by a helper shell whose `println` goes to the same buffer.
            Binding helperBinding = new Binding();
            helperBinding.setVariable("out", writer);
            GroovyShell helper = new GroovyShell(loader, helperBinding);
            binding.setVariable("echo", (Closure<?>) helper.evaluate("{ x -> println x }"));
            binding.setVariable("error",
                    (Closure<?>) helper.evaluate("{ msg -> throw new hudson.AbortException(String.valueOf(msg)) }"));
            GroovyShell shell = new GroovyShell(loader, binding);
            Script script = shell.parse(text, "WorkflowScript");
            script.run();
        } catch (Throwable t) {
            if (t.getClass() == abort) {
                failure = "ERROR: " + t.getMessage();
            } else {
                failure = withoutSuggestions(String.valueOf(t));
            }
        } finally {
            writer.flush();
            captured.flush();
            System.setOut(savedOut);
        }
        String printed = new String(buffer.toByteArray(), StandardCharsets.UTF_8);
        // A last line left open by `print` is closed, so the next header starts a line of its own.
        if (!printed.isEmpty() && !printed.endsWith("\n")) {
            printed += "\n";
        }
        if (failure != null) {
            printed += stripTrailingBreaks(failure) + "\n";
        }
        return printed;
    }

    // A MissingMethodException message ends with a line "Possible solutions: ..." whose order among equally
    // ranked methods changes from run to run, so that line is left out.
    static String withoutSuggestions(String s) {
        int at = s.indexOf("\nPossible solutions: ");
        if (at < 0 || s.indexOf('\n', at + 1) >= 0) {
            return s;
        }
        return s.substring(0, at);
    }

    // A message may span lines (Groovy's power assert draws a diagram); only its trailing breaks go.
    static String stripTrailingBreaks(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
