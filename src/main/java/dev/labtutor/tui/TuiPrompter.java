package dev.labtutor.tui;

import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.SecretPrompter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Asks for passwords and key passphrases inside the full-screen app: the SSH thread that needs one queues a request and
 * waits; the drawing thread shows a masked field and answers it. Interrupting the waiting thread (a cancelled check)
 * withdraws the request. The typed characters live in a {@code char[]} that is handed over and never kept.
 */
final class TuiPrompter implements SecretPrompter {

    /** One question and where its answer goes. */
    record Request(Text prompt, CompletableFuture<Optional<char[]>> answer) {
    }

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Supplier<Lang> lang;

    TuiPrompter(Supplier<Lang> lang) {
        this.lang = lang;
    }

    /** The oldest request still waiting, if any (called by the drawing thread). */
    Optional<Request> next() {
        for (Request r; (r = requests.peek()) != null;) {
            if (!r.answer().isDone()) {
                return Optional.of(r);
            }
            requests.poll();
        }
        return Optional.empty();
    }

    @Override
    public Optional<char[]> password(HostSpec host, String prompt) {
        String who = host.display();
        return ask(Text.of("登录 " + who + " 的密码：", "Password to log in to " + who + ":"));
    }

    @Override
    public Optional<char[]> passphrase(Path key) {
        return ask(Text.of("私钥 " + key + " 的口令：", "Passphrase of the key " + key + ":"));
    }

    private Optional<char[]> ask(Text prompt) {
        Request r = new Request(prompt, new CompletableFuture<>());
        requests.add(r);
        try {
            return r.answer().get();
        } catch (InterruptedException e) {
            r.answer().complete(Optional.empty());
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    Lang lang() {
        return lang.get();
    }
}
