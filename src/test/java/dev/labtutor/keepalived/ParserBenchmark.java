package dev.labtutor.keepalived;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parse-time benchmark (not a unit test): generates a keepalived.conf of about the given size (default 10 MB) of
 * vrrp_instance and virtual_server blocks, writes it to the given file or a temporary one, parses it a few times and
 * prints the times. Run via bench/keepalived-parse.sh.
 */
public final class ParserBenchmark {

    private ParserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long targetBytes = (long) (Double.parseDouble(args.length > 0 ? args[0] : "10") * 1024 * 1024);
        Path out = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("keepalived-bench", ".conf");
        String text = generate(targetBytes);
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.printf("config: %s, %.1f MB, %d lines%n", out, text.length() / 1048576.0,
                text.chars().filter(c -> c == '\n').count());
        for (int run = 1; run <= 5; run++) {
            long t0 = System.nanoTime();
            ParseResult r = KeepalivedParser.parse(new Source(out.toString(), text), IncludeResolver.none(),
                    ParseOptions.defaults());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("run %d: %d ms (%d instances, %d virtual servers, %d diagnostics)%n", run, ms,
                    r.config().vrrpInstances().size(), r.config().virtualServers().size(), r.diagnostics().size());
        }
        if (args.length < 2) {
            Files.deleteIfExists(out);
        }
    }

    static String generate(long targetBytes) {
        StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, targetBytes + 4096));
        sb.append("! generated benchmark config\nglobal_defs {\n   router_id BENCH\n}\n");
        int i = 0;
        while (sb.length() < targetBytes) {
            int vrid = i % 255 + 1;
            sb.append("vrrp_instance VI_").append(i).append(" {   # instance ").append(i).append('\n')
                    .append("    state ").append(i % 2 == 0 ? "MASTER" : "BACKUP").append('\n')
                    .append("    interface eth").append(i % 4).append('\n').append("    virtual_router_id ")
                    .append(vrid).append('\n').append("    priority ").append(100 - i % 50).append('\n')
                    .append("    advert_int 1\n    authentication {\n        auth_type PASS\n        auth_pass pw")
                    .append(i % 1000).append('\n').append("    }\n    virtual_ipaddress {\n        10.")
                    .append(i / 65536 % 256).append('.').append(i / 256 % 256).append('.').append(i % 256)
                    .append("/24 dev eth").append(i % 4).append('\n').append("    }\n}\n");
            sb.append("virtual_server 10.").append(i / 65536 % 256).append('.').append(i / 256 % 256).append('.')
                    .append(i % 256)
                    .append(" 80 {\n    delay_loop 6\n    lb_algo rr\n    lb_kind DR\n    protocol TCP\n");
            for (int r = 1; r <= 2; r++) {
                sb.append("    real_server 172.16.").append(i % 256).append('.').append(r).append(" 80 { weight 1\n")
                        .append("        TCP_CHECK { connect_port 80 ; connect_timeout 3 }\n".replace(" ; ",
                                "\n            "))
                        .append("    }\n");
            }
            sb.append("}\n");
            i++;
        }
        return sb.toString();
    }
}
