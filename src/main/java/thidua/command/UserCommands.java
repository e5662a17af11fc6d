package thidua.command;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import thidua.access.AccountState;
import thidua.access.AppUser;
import thidua.access.Role;
import thidua.access.Users;
import thidua.job.ExitCode;
import thidua.scheme.Period;

/**
 * `user add|list|disable|enable|password`: how a fresh install gets its first ADMIN. The
 * person at the server's terminal is trusted, so a password set here is ready to use
 * unless {@code --temporary} asks for a change at the next sign-in. Passwords come from
 * standard input (one line), never from the command line, where `ps` would show them.
 */
@Component
class UserCommands {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Period.ZONE);
    private final Users users;

    UserCommands(Users users) {
        this.users = users;
    }

    ExitCode execute(Invocation invocation) {
        String login = invocation.option("login");
        try {
            switch (invocation.command()) {
                case "user add" -> {
                    Role role = Role.valueOf(invocation.option("role").toUpperCase(Locale.ROOT));
                    AppUser u = users.add(login, role, invocation.option("unit"), invocation.option("name"),
                            password(), false, Users.Actor.TERMINAL);
                    System.out.println("user: added " + u.login() + " (" + u.role() + (u.unitCode() == null ? ""
                            : " " + u.unitCode()) + ")");
                }
                case "user list" -> {
                    var all = users.list();
                    for (AppUser u : all) {
                        System.out.printf("  %-20s %-19s %-9s %-31s %s%n", u.login(), u.role().label(),
                                u.unitCode() == null ? "" : u.unitCode(), state(u),
                                u.fullName() == null ? "" : u.fullName());
                    }
                    System.out.println("user: " + all.size() + " user(s)");
                }
                case "user disable" -> {
                    users.disable(login, Users.Actor.TERMINAL);
                    System.out.println("user: " + login + " disabled");
                }
                case "user enable" -> {
                    users.enable(login, Users.Actor.TERMINAL);
                    System.out.println("user: " + login + " enabled");
                }
                case "user password" -> {
                    boolean temporary = invocation.option("temporary") != null;
                    users.setPassword(login, password(), temporary, Users.Actor.TERMINAL);
                    System.out.println("user: password of " + login + " set"
                            + (temporary ? " (temporary: to be changed at the next sign-in)" : ""));
                }
                default -> {
                    return ExitCode.REFUSED;
                }
            }
            return ExitCode.COMPLETED;
        } catch (Users.Refused e) {
            System.out.println("user: " + e.getMessage());
            return ExitCode.REFUSED;
        }
    }

    /** The account's state in the console's words ({@link AppUser#state}). */
    private static String state(AppUser u) {
        AccountState state = u.state(Instant.now());
        return state == AccountState.LOCKED ? state.label() + " đến " + TIME.format(u.lockedUntil()) : state.label();
    }

    /** One line of standard input: typed at a terminal without echo, or piped in by a script. */
    private static String password() throws Users.Refused {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Mật khẩu: ");
            if (typed == null) {
                throw new Users.Refused("không đọc được mật khẩu từ đầu vào chuẩn");
            }
            return new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new Users.Refused("cần mật khẩu trên đầu vào chuẩn (một dòng), ví dụ: echo 'mật khẩu' | java -jar … user add …");
            }
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw new Users.Refused("không đọc được mật khẩu từ đầu vào chuẩn");
        }
    }
}
