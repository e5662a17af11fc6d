package thidua.access;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import thidua.scheme.SchemeStore;
import thidua.text.Labels;

/**
 * Managing users, the one way the command line and the console both use: each change is
 * checked, then stored with its audit row in one transaction.
 */
@Service
public class Users {
    /** A password shorter than this is refused. */
    public static final int MIN_PASSWORD = 10;
    private final UserStore store;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final SchemeStore schemes;

    Users(UserStore store, AuditLog audit, PasswordEncoder encoder, SchemeStore schemes) {
        this.store = store;
        this.audit = audit;
        this.encoder = encoder;
        this.schemes = schemes;
    }

    /** A change refused, with the reason in Vietnamese. */
    public static class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** Who asks for a change: the login ({@code null}: the server's terminal) and the address. */
    public record Actor(String login, String address) {
        public static final Actor TERMINAL = new Actor(null, "terminal");
    }

    public List<AppUser> list() {
        return store.all();
    }

    public Optional<AppUser> find(String login) {
        return store.find(normalLogin(login));
    }

    public Optional<AppUser> find(long id) {
        return store.find(id);
    }

    /**
     * A new user. A password set at the terminal is ready to use; one set by an ADMIN in the
     * console must be changed at the first sign-in ({@code temporary}).
     */
    @Transactional
    public AppUser add(String login, Role role, String unitCode, String fullName, String password, boolean temporary,
                       Actor by) throws Refused {
        String l = normalLogin(login);
        if (!l.matches("[a-z0-9._-]{2,64}")) {
            throw new Refused("Tên đăng nhập \"" + login + "\" không hợp lệ: 2–64 ký tự, chỉ gồm chữ không dấu, số, . _ -");
        }
        if (store.find(l).isPresent()) {
            throw new Refused("Tên đăng nhập \"" + l + "\" đã có");
        }
        String unit = null;
        if (role == Role.UNIT) {
            if (unitCode == null || unitCode.isBlank()) {
                throw new Refused("Tài khoản đơn vị (UNIT) cần --unit MÃ_ĐƠN_VỊ");
            }
            unit = Labels.code(unitCode);
            if (!schemes.knowsUnit(unit)) {
                throw new Refused("Mã đơn vị \"" + unit + "\" không có trong bộ tiêu chí nào đang dùng (nạp bộ tiêu chí trước)");
            }
        } else if (unitCode != null && !unitCode.isBlank()) {
            throw new Refused("Chỉ tài khoản đơn vị (UNIT) mới gắn với một mã đơn vị");
        }
        checkPassword(l, password);
        String name = fullName == null || fullName.isBlank() ? null : Labels.clean(fullName);
        long id = store.insert(l, name, role, unit, encoder.encode(password), temporary);
        audit.record(by.login(), "USER_ADD", l, role.name() + (unit == null ? "" : " " + unit), by.address());
        return store.find(id).orElseThrow();
    }

    /** Sets a password for someone else; {@code temporary}: they change it at their next sign-in. */
    @Transactional
    public void setPassword(String login, String password, boolean temporary, Actor by) throws Refused {
        AppUser user = existing(login);
        checkPassword(user.login(), password);
        store.setPassword(user.id(), encoder.encode(password), temporary);
        audit.record(by.login(), "USER_PASSWORD", user.login(), temporary ? "mật khẩu tạm, phải đổi khi đăng nhập"
                : "mật khẩu mới", by.address());
    }

    /** A signed-in user changes their own password, proving the current one. */
    @Transactional
    public void changeOwnPassword(long userId, String current, String next, String address) throws Refused {
        AppUser user = store.find(userId).orElseThrow(() -> new Refused("Tài khoản không còn"));
        String hash = store.passwordHash(user.login()).orElseThrow();
        if (!encoder.matches(current, hash)) {
            throw new Refused("Mật khẩu hiện tại không đúng");
        }
        if (encoder.matches(next, hash)) {
            throw new Refused("Mật khẩu mới phải khác mật khẩu hiện tại");
        }
        checkPassword(user.login(), next);
        store.setPassword(user.id(), encoder.encode(next), false);
        audit.record(user.login(), "PASSWORD_CHANGE", user.login(), null, address);
    }

    @Transactional
    public void disable(String login, Actor by) throws Refused {
        AppUser user = existing(login);
        if (by.login() != null && by.login().equals(user.login())) {
            throw new Refused("Không tự khoá tài khoản của chính mình");
        }
        store.setDisabled(user.id(), true);
        audit.record(by.login(), "USER_DISABLE", user.login(), null, by.address());
    }

    @Transactional
    public void enable(String login, Actor by) throws Refused {
        AppUser user = existing(login);
        store.setDisabled(user.id(), false);
        store.unlock(user.id());
        audit.record(by.login(), "USER_ENABLE", user.login(), null, by.address());
    }

    private AppUser existing(String login) throws Refused {
        return store.find(normalLogin(login)).orElseThrow(() -> new Refused("Không có tài khoản \"" + login + "\""));
    }

    static String normalLogin(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }

    private static void checkPassword(String login, String password) throws Refused {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new Refused("Mật khẩu cần ít nhất " + MIN_PASSWORD + " ký tự");
        }
        if (password.length() > 128) {
            throw new Refused("Mật khẩu dài quá 128 ký tự");
        }
        if (login.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(login)) {
            throw new Refused("Mật khẩu không được chứa tên đăng nhập");
        }
    }
}
