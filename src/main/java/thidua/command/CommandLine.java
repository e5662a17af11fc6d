package thidua.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import thidua.job.ExitCode;

/** Entry point of every command: parse, start the application on the chosen data dir, run, exit code. */
public final class CommandLine {

    private CommandLine() {
    }

    /**
     * `serve`: the scheduler (Quartz, clustered) and the REST API on 127.0.0.1 until the
     * process is stopped (Ctrl-C or SIGTERM close it cleanly).
     */
    static int serve(Class<?> application, Invocation invocation) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.SERVLET)
                .run(args(invocation, "--spring.quartz.auto-startup=true", "--spring.main.web-application-type=servlet",
                        "--thidua.serve=true"));
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        var env = context.getEnvironment();
        String scheme = env.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        String address = env.getProperty("server.address", "127.0.0.1");
        String base = scheme + "://" + (address.contains(":") ? "[" + address + "]" : address) + ":"
                + env.getProperty("local.server.port");
        System.out.println("serve: scheduler started; console " + base + "/ ; API " + base + "/api");
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("serve: stopped");
        return ExitCode.COMPLETED.code();
    }

    /** The data dir, the caller's Spring properties (they win over thidua's defaults), then {@code more}. */
    private static String[] args(Invocation invocation, String... more) {
        List<String> args = new ArrayList<>();
        args.add("--thidua.data-dir=" + invocation.dataDir());
        args.addAll(List.of(more));
        args.addAll(invocation.springArgs());
        return args.toArray(String[]::new);
    }

    /**
     * Runs one command line and returns its exit code ({@link ExitCode}).
     *
     * @param application the Spring Boot application to start, handed in by it
     *                    ({@code ThiduaApplication.run}): this module sits below it
     */
    public static int run(Class<?> application, String[] args) {
        Invocation invocation;
        try {
            invocation = Invocation.parse(args);
        } catch (Invocation.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(Invocation.USAGE);
            return args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")) ? ExitCode.COMPLETED.code() : ExitCode.REFUSED.code();
        }
        if (invocation.command().equals("serve")) {
            return serve(application, invocation);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .run(args(invocation))) {
            return context.getBean(Commands.class).execute(invocation);
        }
    }
}
