package dev.labtutor.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private final Map<String, String> vars = Map.of("vip", "10.0.0.100", "lb01.iface", "eth1");

    @Test
    void fillsNamesAndKeepsDollarEscapes() {
        assertEquals("ip addr add 10.0.0.100/32 dev eth1 costs $5", Template
                .render("ip addr add ${vip}/32 dev ${lb01.iface} costs $$5", n -> Optional.ofNullable(vars.get(n))));
    }

    @Test
    void unknownNameIsAnError() {
        Template.UnknownVariable e = assertThrows(Template.UnknownVariable.class,
                () -> Template.render("${nope}", n -> Optional.ofNullable(vars.get(n))));
        assertEquals("nope", e.name());
    }

    @Test
    void replacementTextIsLiteral() {
        assertEquals("a$1\\b", Template.render("${x}", n -> Optional.of("a$1\\b")));
    }

    @Test
    void listsNames() {
        assertEquals(Set.of("vip", "lb02.address"), Template.names("${vip} ${lb02.address} $${not}"));
    }
}
