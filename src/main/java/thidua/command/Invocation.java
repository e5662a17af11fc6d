package thidua.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import thidua.access.Role;

/**
 * A parsed command line: the command, its own `--name value` options checked against what
 * the command takes, and Spring properties (`--server.port=8081`, any `--a.b=value`) handed
 * to Spring Boot untouched.
 */
record Invocation(String command, Map<String, String> options, List<String> springArgs) {

    /** Each command and the options it requires; every command also takes --data-dir. */
    static final Map<String, List<String>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("scheme", List.of("file"));
        COMMANDS.put("import", List.of("inbox"));
        COMMANDS.put("consolidate", List.of("period", "out"));
        COMMANDS.put("run", List.of("scheme", "inbox", "period", "out"));
        COMMANDS.put("status", List.of());
        COMMANDS.put("rerun", List.of());
        COMMANDS.put("serve", List.of());
        COMMANDS.put("user add", List.of("login", "role"));
        COMMANDS.put("user list", List.of());
        COMMANDS.put("user disable", List.of("login"));
        COMMANDS.put("user enable", List.of("login"));
        COMMANDS.put("user password", List.of("login"));
    }

    /** Options that take no value. */
    static final Set<String> FLAGS = Set.of("temporary");

    /** Options a command may take besides its required ones and --data-dir. */
    static final Map<String, List<String>> OPTIONAL = Map.of(
            "status", List.of("period"),
            "rerun", List.of("import", "execution"),
            "user add", List.of("unit", "name"),
            "user password", List.of("temporary"));

    static final String USAGE = """
            Cách dùng (usage):
              java -jar target/thidua.jar scheme --file SCHEME.xlsx
              java -jar target/thidua.jar import --inbox DIR
              java -jar target/thidua.jar consolidate --period P --out DIR
              java -jar target/thidua.jar run --scheme SCHEME.xlsx --inbox DIR --period P --out DIR
              java -jar target/thidua.jar status [--period P]
              java -jar target/thidua.jar rerun --import ID        (kiểm tra lại một tệp bị trả lại)
              java -jar target/thidua.jar rerun --execution ID     (chạy tiếp một lần chạy bị lỗi)
              java -jar target/thidua.jar serve                    (lịch chạy, bảng điều khiển web và API)
              java -jar target/thidua.jar user add --login L --role ADMIN|HQ|LEADER|UNIT [--unit MÃ] [--name "Họ tên"]
              java -jar target/thidua.jar user list | user disable --login L | user enable --login L
              java -jar target/thidua.jar user password --login L [--temporary]
                  (mật khẩu đọc từ đầu vào chuẩn, một dòng; --temporary: phải đổi ở lần đăng nhập sau)
            Mọi lệnh nhận thêm --data-dir DIR (mặc định ./data): nơi giữ cơ sở dữ liệu PostgreSQL nhúng,
            và thuộc tính Spring dạng --ten.thuoc.tinh=giá-trị (ví dụ --server.port=8081).
            Mã thoát: 0 hoàn tất; 1 công việc lỗi; 2 sai cú pháp hoặc bộ tiêu chí bị từ chối.""";

    public static Invocation parse(String[] args) throws UsageException {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            throw new UsageException("");
        }
        String command = args[0];
        int first = 1;
        if (command.equals("user")) {
            if (args.length < 2 || args[1].startsWith("--")) {
                throw new UsageException("Lệnh user cần một việc: add, list, disable, enable hoặc password");
            }
            command = "user " + args[1];
            first = 2;
        }
        List<String> required = COMMANDS.get(command);
        if (required == null) {
            throw new UsageException("Lệnh không có: " + command);
        }
        Set<String> allowed = new HashSet<>(required);
        allowed.add("data-dir");
        allowed.addAll(OPTIONAL.getOrDefault(command, List.of()));
        Map<String, String> options = new LinkedHashMap<>();
        List<String> spring = new ArrayList<>();
        for (int i = first; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("Tham số thừa: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0 && !allowed.contains(name.substring(0, eq)) && name.substring(0, eq).contains(".")) {
                spring.add(arg); // a Spring property, as Spring Boot users expect: Boot reads it, not thidua
                continue;
            }
            if (FLAGS.contains(name) && allowed.contains(name)) {
                options.put(name, "true");
                continue;
            }
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("Thiếu giá trị cho --" + name);
            }
            if (!allowed.contains(name)) {
                throw new UsageException("Lệnh " + command + " không nhận --" + name
                        + " (thuộc tính Spring viết liền: --ten.thuoc.tinh=giá-trị)");
            }
            if (value.isBlank()) {
                throw new UsageException("--" + name + " không được để trống");
            }
            options.put(name, value);
        }
        for (String name : required) {
            if (!options.containsKey(name)) {
                throw new UsageException("Lệnh " + command + " cần --" + name);
            }
        }
        if (command.equals("rerun")) {
            if (options.containsKey("import") == options.containsKey("execution")) {
                throw new UsageException("Lệnh rerun cần đúng một trong --import ID hoặc --execution ID");
            }
            String id = options.containsKey("import") ? options.get("import") : options.get("execution");
            if (!id.matches("\\d{1,18}")) {
                throw new UsageException("Mã phải là một số: " + id);
            }
        }
        if (command.equals("user add")) {
            try {
                Role.valueOf(options.get("role").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--role phải là ADMIN, HQ, LEADER hoặc UNIT: " + options.get("role"));
            }
        }
        return new Invocation(command, options, List.copyOf(spring));
    }

    public String option(String name) {
        return options.get(name);
    }

    public String dataDir() {
        return options.getOrDefault("data-dir", "data");
    }

    /** Bad usage: exit code 2, with the reason and the usage text. */
    public static class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }
}
