package io.anomalyscore.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How submitted names appear in error messages: bounded, and only inert characters. */
class EchoedNameTest {

    @Test
    void plainNamesAreEchoedAsTheyAre() {
        assertThat(EchoedName.of("heart_rate (bpm) #2")).isEqualTo("heart_rate (bpm) #2");
        assertThat(EchoedName.quoted("f21")).isEqualTo("\"f21\"");
    }

    @Test
    void namesAreCutAfter64CodePoints() {
        assertThat(EchoedName.of("a".repeat(64))).isEqualTo("a".repeat(64));
        assertThat(EchoedName.of("a".repeat(65))).isEqualTo("a".repeat(64) + "...");
        assertThat(EchoedName.of("b".repeat(10_000))).hasSize(67);
        // a pair of surrogates is one code point and one replacement, never split
        assertThat(EchoedName.of("\uD83D\uDE00".repeat(100))).isEqualTo("?".repeat(64) + "...");
    }

    @Test
    void unsafeCharactersAreReplaced() {
        assertThat(EchoedName.of("a\nb\r\tc\u0000d\u001B[31me\u007F")).isEqualTo("a?b??c?d?[31me?");
        assertThat(EchoedName.of("<script>alert(1)</script>")).isEqualTo("?script?alert(1)?/script?");
        assertThat(EchoedName.of("\",\"detail\":\"x")).isEqualTo("?,?detail?:?x");
        assertThat(EchoedName.of("'`\\&${jndi:ldap://x}")).isEqualTo("??????jndi:ldap://x?");
        assertThat(EchoedName.of("abc\u202Egpj.exe\u200B")).isEqualTo("abc?gpj.exe?");
        assertThat(EchoedName.of("température\uFFFD\uD800")).isEqualTo("temp?rature??");
    }

    @Test
    void everyCodePointBecomesOneInertAsciiCharacter() {
        List<String> unsafe = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String echoed = EchoedName.of(new String(Character.toChars(c)));
            char e = echoed.charAt(0);
            boolean inert = echoed.length() == 1 && e >= ' ' && e <= '~' && "\"'`<>&\\${}".indexOf(e) < 0
                    && (e == c || e == EchoedName.REPLACEMENT);
            if (!inert) {
                unsafe.add(Integer.toHexString(c) + " -> " + echoed);
            }
        }
        assertThat(unsafe).isEmpty();
    }
}
