package thidua.command;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import thidua.ThiduaApplication;

/** Entry point of every command: parse, start the application on the chosen data dir, run, exit code. */
public final class CommandLine {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_USAGE = 2;

    private CommandLine() {
    }

    /**
     * `serve`: the scheduler (Quartz, clustered) and the REST API on 127.0.0.1 until the
     * process is stopped (Ctrl-C or SIGTERM close it cleanly).
     */
    static int serve(Invocation invocation) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ThiduaApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--thidua.data-dir=" + invocation.dataDir(), "--spring.quartz.auto-startup=true",
                        "--spring.main.web-application-type=servlet",
                        "--thidua.serve=true");
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        context.addApplicationListener(e -> {
            if (e instanceof org.springframework.context.event.ContextClosedEvent) {
                closed.countDown();
            }
        });
        System.out.println("serve: scheduler started, API on http://" + context.getEnvironment().getProperty("server.address")
                + ":" + context.getEnvironment().getProperty("local.server.port") + "/api");
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("serve: stopped");
        return OK;
    }

    public static int run(String[] args) {
        Invocation invocation;
        try {
            invocation = Invocation.parse(args);
        } catch (Invocation.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(Invocation.USAGE);
            return args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")) ? OK : BAD_USAGE;
        }
        if (invocation.command().equals("serve")) {
            return serve(invocation);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ThiduaApplication.class)
                .web(WebApplicationType.NONE)
                .run("--thidua.data-dir=" + invocation.dataDir())) {
            return context.getBean(Commands.class).execute(invocation);
        }
    }
}
