package thidua.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryPropertiesTest {
    @Test
    void theUnitsFolderIsNoRecipientsKey() {
        assertThatThrownBy(() -> new DeliveryProperties.Recipient("units", "Các đơn vị", null, List.of()))
                .hasMessageContaining("khóa \"units\" không hợp lệ").hasMessageContaining("thư mục của các đơn vị");
        assertThat(new DeliveryProperties.Recipient("units-2", null, null, null).key()).isEqualTo("units-2");
    }

    @Test
    void aUnitsOutboxFolderIsOneSafeNameUnderUnits() {
        Outbox outbox = new Outbox(java.nio.file.Path.of("/srv/outbox"));
        assertThat(outbox.unitFolder("PC04", "2024")).isEqualTo(java.nio.file.Path.of("/srv/outbox/units/PC04/2024"));
        assertThat(outbox.unitFolder("../../x", "..")).isEqualTo(java.nio.file.Path.of("/srv/outbox/units/x/_"));
        assertThat(Outbox.unitKey("CAH.ĐL")).isEqualTo("units/CAH.DL");
    }
}
