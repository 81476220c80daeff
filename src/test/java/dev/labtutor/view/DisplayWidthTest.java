package dev.labtutor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void textCutToFitEndsInAnEllipsisWithinTheWidth() {
        assertEquals("Keepalived hot…", DisplayWidth.fit("Keepalived hot standby", 15));
        assertEquals("Keepalived hot standby", DisplayWidth.fit("Keepalived hot standby", 22));
    }

    @Test
    void chineseIsCutByColumnsNeverPastTheWidth() {
        // 配置主服务器 is 12 columns; in 7 there is room for three characters and the mark
        String cut = DisplayWidth.fit("配置主服务器", 7);
        assertEquals("配置主…", cut);
        assertEquals(7, DisplayWidth.of(cut));
        // a wide character that would straddle the edge is left out: 6 columns hold two and the mark
        assertEquals("配置…", DisplayWidth.fit("配置主服务器", 6));
        assertTrue(DisplayWidth.of(DisplayWidth.fit("配置主服务器", 6)) <= 6);
    }
}
