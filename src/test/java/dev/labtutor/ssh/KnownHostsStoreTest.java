package dev.labtutor.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, hashed files and fingerprints come from the real ssh-keygen at test time. */
class KnownHostsStoreTest {

    @TempDir
    Path tmp;

    private Path pub(String type) throws Exception {
        return Path.of(SshServerExtension.newUserKey(tmp, type, "") + ".pub");
    }

    private static PublicKey key(Path pub) throws Exception {
        net.schmizz.sshj.common.SecurityUtils.isBouncyCastleRegistered();
        String[] f = Files.readString(pub).trim().split("\\s+");
        return new Buffer.PlainBuffer(Base64.getDecoder().decode(f[1])).readPublicKey();
    }

    private static String keyLine(Path pub) throws Exception {
        String[] f = Files.readString(pub).trim().split("\\s+");
        return f[0] + " " + f[1];
    }

    @Test
    void fingerprintsAreThoseOfSshKeygen() throws Exception {
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            Path pub = pub(type);
            String fromTool =
                    SshServerExtension.sshKeygen(tmp, "-l", "-E", "sha256", "-f", pub.toString()).split("\\s+")[1];
            assertEquals(fromTool, KnownHostsStore.fingerprint(key(pub)), type);
        }
    }

    @Test
    void firstKeyIsAddedInOpenSshFormatThenKnownAndAChangedKeyIsRefused() throws Exception {
        Path file = tmp.resolve("conf/labtutor/known_hosts");
        KnownHostsStore store = new KnownHostsStore(file);
        PublicKey first = key(pub("ed25519"));
        PublicKey other = key(pub("ecdsa"));

        KnownHostsStore.Check added = store.check("10.0.0.11", 22, first);
        assertEquals(new KnownHostsStore.Check.Added("10.0.0.11", "ssh-ed25519", KnownHostsStore.fingerprint(first)),
                added);
        assertInstanceOf(KnownHostsStore.Check.Known.class, store.check("10.0.0.11", 22, first));
        assertInstanceOf(KnownHostsStore.Check.Added.class, store.check("10.0.0.11", 2222, other),
                "another port is another host, as in OpenSSH");

        KnownHostsStore.Check changed = store.check("10.0.0.11", 22, other);
        assertEquals(new KnownHostsStore.Check.Changed("10.0.0.11",
                List.of("ssh-ed25519 " + KnownHostsStore.fingerprint(first)),
                "ecdsa-sha2-nistp256 " + KnownHostsStore.fingerprint(other)), changed);
        assertEquals(List.of("ssh-ed25519"), store.keyTypes("10.0.0.11", 22));

        String found = SshServerExtension.sshKeygen(tmp, "-F", "[10.0.0.11]:2222", "-f", file.toString());
        assertTrue(found.contains("[10.0.0.11]:2222 ecdsa-sha2-nistp256 "), "ssh-keygen reads our file: " + found);
    }

    @Test
    void hashedEntriesWrittenByOpenSshAreHonouredAndForgotten() throws Exception {
        Path a = pub("ed25519");
        Path b = pub("ecdsa");
        Path file = tmp.resolve("known_hosts");
        Files.writeString(file,
                "# kept comment\n" + "10.0.0.11 " + keyLine(a) + "\n" + "[10.0.0.12]:2222 " + keyLine(b) + "\n",
                StandardCharsets.UTF_8);
        SshServerExtension.sshKeygen(tmp, "-H", "-f", file.toString());
        assertTrue(Files.readString(file).contains("|1|"), "hashed by ssh-keygen");

        KnownHostsStore store = new KnownHostsStore(file);
        assertInstanceOf(KnownHostsStore.Check.Known.class, store.check("10.0.0.11", 22, key(a)));
        assertInstanceOf(KnownHostsStore.Check.Known.class, store.check("10.0.0.12", 2222, key(b)));
        assertInstanceOf(KnownHostsStore.Check.Changed.class, store.check("10.0.0.11", 22, key(b)));

        assertEquals(1, store.forget("10.0.0.11"));
        assertEquals(1, store.forget("[10.0.0.12]:2222"));
        assertEquals(List.of(), store.list());
        assertTrue(Files.readString(file).startsWith("# kept comment\n"), Files.readString(file));
    }

    @Test
    void forgetAcceptsAddressAddressPortAndBracketForms() throws Exception {
        KnownHostsStore store = new KnownHostsStore(tmp.resolve("known_hosts"));
        PublicKey k = key(pub("ed25519"));
        store.check("10.0.0.11", 22, k);
        store.check("10.0.0.11", 2222, k);
        store.check("10.0.0.12", 22, k);
        store.check("10.0.0.13", 22, k);

        assertEquals(0, store.forget("10.0.0.99"));
        assertEquals(0, store.forget("10.0.0.12:2222"));
        assertEquals(1, store.forget("10.0.0.12:22"));
        assertEquals(2, store.forget("10.0.0.11"), "a bare address forgets it on every port");
        List<KnownHostsStore.Entry> left = store.list();
        assertEquals(1, left.size());
        assertEquals(new KnownHostsStore.Entry("10.0.0.13", "ssh-ed25519", KnownHostsStore.fingerprint(k)),
                left.get(0));
    }

    /**
     * The bracketed form names one port exactly, port 22 included (where known_hosts writes the bare address), so the
     * {@code [address]:port} a changed-key message gives for an IPv6 host forgets that host's key.
     */
    @Test
    void theBracketedFormOnPort22ForgetsTheBareEntry() throws Exception {
        KnownHostsStore store = new KnownHostsStore(tmp.resolve("known_hosts"));
        PublicKey k = key(pub("ed25519"));
        store.check("fd00::11", 22, k);
        store.check("fd00::11", 2222, k);
        store.check("10.0.0.11", 22, k);
        assertEquals(1, store.forget("[fd00::11]:22"));
        assertEquals(1, store.forget("[10.0.0.11]:22"));
        assertEquals(List.of("[fd00::11]:2222"), store.list().stream().map(KnownHostsStore.Entry::hosts).toList());
    }

    /**
     * The advice after a changed key names the host as {@code address:port} (never a role some other lab file might map
     * elsewhere, nor a bare address that means every port) and the file that was checked, left out only when it is the
     * learner's personal one.
     */
    @Test
    void theForgetAdviceIsExactForTheFileAndTheHost() {
        Path personal = SshOptions.defaultKnownHosts();
        assertEquals("labtutor hosts forget 10.0.0.11:22", SshMessages.forgetCommand(personal, "10.0.0.11"));
        assertEquals("labtutor hosts forget 10.0.0.11:2222", SshMessages.forgetCommand(personal, "[10.0.0.11]:2222"));
        assertEquals("labtutor hosts forget [fd00::11]:22", SshMessages.forgetCommand(personal, "fd00::11"));
        Path classFile = tmp.resolve("class 1/known_hosts");
        assertEquals("labtutor hosts forget --known-hosts '" + classFile.toAbsolutePath() + "' 10.0.0.11:2222",
                SshMessages.forgetCommand(classFile, "[10.0.0.11]:2222"));
    }

    /** Issue 20: grading left an empty known_hosts.lock beside the roster. */
    @Test
    void noLockFileIsLeftBehind() throws Exception {
        Path file = tmp.resolve("class/known_hosts");
        KnownHostsStore store = new KnownHostsStore(file);
        PublicKey k = key(pub("ed25519"));
        store.check("10.0.0.11", 22, k);
        store.list();
        store.forget("10.0.0.11:22");
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of("known_hosts"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    /**
     * Another process holds the lock, removes the lock file and lets go, as a holder does, while a third (the same
     * process here) has already made a new lock file and holds it: the store, which waited on the removed file, must
     * wait for the new one too, not work beside the third.
     */
    @Test
    void aLockFileRemovedByItsHolderIsNotTrusted() throws Exception {
        Path file = tmp.resolve("known_hosts");
        Path lock = tmp.resolve("known_hosts.lock");
        Path third = tmp.resolve("third-done");
        Process holder = new ProcessBuilder("python3", "-c", """
                import fcntl, os, sys, time
                lock, done = sys.argv[1], sys.argv[2]
                old = open(lock, "w")
                fcntl.lockf(old, fcntl.LOCK_EX)
                print("locked", flush=True)
                time.sleep(1.0)
                os.unlink(lock)
                new = open(lock, "w")
                fcntl.lockf(new, fcntl.LOCK_EX)
                fcntl.lockf(old, fcntl.LOCK_UN)
                time.sleep(1.0)
                open(done, "w").close()
                os.unlink(lock)
                fcntl.lockf(new, fcntl.LOCK_UN)
                """, lock.toString(), third.toString()).redirectErrorStream(true).start();
        assertEquals("locked",
                new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine());
        assertInstanceOf(KnownHostsStore.Check.Added.class,
                new KnownHostsStore(file).check("10.0.0.11", 22, key(pub("ed25519"))));
        assertTrue(Files.exists(third), "the store ran while the third holder held the new lock file");
        assertEquals(0, holder.waitFor());
        assertTrue(!Files.exists(lock), "no lock file is left");
        assertEquals(1, new KnownHostsStore(file).list().size());
    }

    @Test
    void manyParallelFirstContactsAreAllRecorded() throws Exception {
        Path file = tmp.resolve("known_hosts");
        PublicKey k = key(pub("ed25519"));
        int hosts = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<KnownHostsStore.Check>> results = new ArrayList<>();
        try {
            for (int i = 0; i < hosts; i++) {
                int port = 2000 + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return new KnownHostsStore(file).check("10.0.0.11", port, k);
                }));
            }
            go.countDown();
            for (Future<KnownHostsStore.Check> r : results) {
                assertInstanceOf(KnownHostsStore.Check.Added.class, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(hosts, new KnownHostsStore(file).list().size());
        assertEquals(hosts, Files.readAllLines(file).size());
    }
}
