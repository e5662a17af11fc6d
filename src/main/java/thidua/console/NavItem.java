package thidua.console;

import java.util.ArrayList;
import java.util.List;

/** One entry of the menu. */
record NavItem(String path, String label, boolean current) {

    /** The entries {@code can} may use, the one under {@code path} marked current. */
    static List<NavItem> menu(Can can, String path) {
        List<NavItem> items = new ArrayList<>();
        add(items, true, "/tong-quan", "Tổng quan", path);
        add(items, can.imports(), "/tep", "Tệp đã nhận", path);
        add(items, can.upload(), "/nop", "Nộp báo cáo", path);
        add(items, can.runs(), "/lan-chay", "Lần chạy", path);
        add(items, can.outputs(), "/tong-hop", "Tổng hợp", path);
        add(items, can.users(), "/nguoi-dung", "Người dùng", path);
        add(items, can.audit(), "/nhat-ky", "Nhật ký", path);
        return items;
    }

    private static void add(List<NavItem> items, boolean allowed, String target, String label, String path) {
        if (allowed) {
            items.add(new NavItem(target, label, path.equals(target) || path.startsWith(target + "/")));
        }
    }
}
