package dev.labtutor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.labtutor.i18n.Lang;
import org.junit.jupiter.api.Test;

class SentenceTest {

    @Test
    void anEnglishSentenceStartsWithACapital() {
        assertEquals("The config has state master in lower case; keepalived wants MASTER.",
                Sentence.start("the config has state master in lower case; keepalived wants MASTER.", Lang.EN));
        assertEquals("Firewalld is running on lb01", Sentence.start("firewalld is running on lb01", Lang.EN));
        assertEquals("Run: systemctl stop firewalld", Sentence.start("run: systemctl stop firewalld", Lang.EN));
    }

    @Test
    void aNameTheLearnerTypesKeepsItsCase() {
        for (String s : new String[]{"keepalived.conf has no errors", "lb01: connection refused",
                "/etc/keepalived/keepalived.conf does not exist", "vrrp_strict demoted it", "auth-pass differs",
                "net.ipv4.conf.all.arp_ignore is 0", "nfs-server cannot be reached", "iPhone"}) {
            assertEquals(s, Sentence.start(s, Lang.EN), s);
        }
    }

    @Test
    void chineseAndTextThatStartsWithNoLetterAreLeftAlone() {
        assertEquals("keepalived 没有运行", Sentence.start("keepalived 没有运行", Lang.ZH));
        assertEquals("\"cp keepalived.conf.sample\" first",
                Sentence.start("\"cp keepalived.conf.sample\" first", Lang.EN));
        assertEquals("", Sentence.start("", Lang.EN));
    }
}
