package dev.labtutor.grading;

import dev.labtutor.lab.Ipv4;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Per-student VRRP parameters that make two students' configurations never interchangeable: every pair differs in VIP,
 * in {@code virtual_router_id} and in {@code auth_pass}, and none uses the course's defaults (the original document's
 * values, which a copied configuration would carry). VIPs come from the upper half of the subnet, away from the hosts'
 * usual low addresses.
 */
public final class RosterVars {

    /** One student's block. */
    public record Block(String vip, int vrid, String authPass) {
    }

    /** keepalived compares only the first 8 characters of auth_pass. */
    public static final int AUTH_PASS_LENGTH = 8;

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private RosterVars() {
    }

    /**
     * @param network the subnet's first address
     * @param prefix its prefix length (16 to 28)
     * @param avoid values never handed out (the course defaults), as text
     * @throws IllegalArgumentException when the subnet or the VRID range cannot give {@code count} distinct blocks
     */
    public static List<Block> generate(int count, String network, int prefix, Set<String> avoid, Random random) {
        if (prefix < 16 || prefix > 28) {
            throw new IllegalArgumentException("the subnet prefix must be between /16 and /28, not /" + prefix);
        }
        long base = toLong(network) & mask(prefix);
        long size = 1L << (32 - prefix);
        List<Long> vips = new ArrayList<>();
        for (long a = base + size / 2; a < base + size - 1; a++) {
            if (!avoid.contains(fromLong(a))) {
                vips.add(a);
            }
        }
        List<Integer> vrids = new ArrayList<>();
        for (int v = 1; v <= 255; v++) {
            if (!avoid.contains(Integer.toString(v))) {
                vrids.add(v);
            }
        }
        if (count < 1 || count > vips.size() || count > vrids.size()) {
            throw new IllegalArgumentException("can give at most " + Math.min(vips.size(), vrids.size())
                    + " distinct blocks in " + fromLong(base) + "/" + prefix + " (VRIDs 1-255), not " + count);
        }
        Collections.shuffle(vips, random);
        Collections.shuffle(vrids, random);
        List<Long> chosen = new ArrayList<>(vips.subList(0, count));
        Collections.sort(chosen);
        Set<String> passes = new HashSet<>(avoid);
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String pass;
            do {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < AUTH_PASS_LENGTH; j++) {
                    sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                pass = sb.toString();
            } while (!passes.add(pass));
            out.add(new Block(fromLong(chosen.get(i)), vrids.get(i), pass));
        }
        return out;
    }

    static long toLong(String address) {
        if (!Ipv4.isValid(address)) {
            throw new IllegalArgumentException("'" + address + "' is not an IPv4 address");
        }
        long v = 0;
        for (String p : address.split("\\.")) {
            v = (v << 8) | Integer.parseInt(p);
        }
        return v;
    }

    static String fromLong(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    private static long mask(int prefix) {
        return (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }
}
