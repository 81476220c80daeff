package dev.labtutor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LangTest {

    private static Lang of(Map<String, String> env) {
        return Lang.fromEnvironment(env::get);
    }

    @Test
    void theMessagesLocaleIsPickedAsGettextDoes() {
        assertEquals(Lang.ZH, of(Map.of("LANG", "zh_CN.UTF-8")));
        assertEquals(Lang.ZH, of(Map.of("LANG", "en_US.UTF-8", "LC_MESSAGES", "zh_TW.UTF-8")));
        assertEquals(Lang.EN, of(Map.of("LANG", "zh_CN.UTF-8", "LC_MESSAGES", "C")));
        assertEquals(Lang.EN, of(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "en_GB.UTF-8", "LC_MESSAGES", "zh_CN")));
        assertEquals(Lang.ZH, of(Map.of("LANG", "C", "LC_ALL", "zh_CN.GB18030")));
        assertEquals(Lang.ZH, of(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "")));
        assertEquals(Lang.EN, of(Map.of()));
        assertEquals(Lang.ZH, Lang.fromEnvironment(null, "zh_CN.UTF-8"));
    }
}
