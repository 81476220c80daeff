package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VM sandbox's pure parts: the initrd archive, quoting for the control shell, the console reader, the state file.
 */
class VmPartsTest {

    @TempDir
    Path tmp;

    /** A fake unpacked image: modules.dep in busybox depmod's format, module files, busybox. */
    private VmImage fakeImage() throws IOException {
        String release = "6.1.0-99-amd64";
        Path mods = Files.createDirectories(tmp.resolve("image/lib/modules").resolve(release));
        Map<String, String> dep = new LinkedHashMap<>();
        dep.put("kernel/drivers/virtio/virtio_pci.ko",
                "kernel/drivers/virtio/virtio.ko kernel/drivers/virtio/virtio_ring.ko");
        dep.put("kernel/drivers/virtio/virtio.ko", "kernel/drivers/virtio/virtio_ring.ko");
        dep.put("kernel/drivers/virtio/virtio_ring.ko", "");
        dep.put("kernel/drivers/char/hw_random/virtio-rng.ko",
                "kernel/drivers/virtio/virtio.ko kernel/drivers/virtio/virtio_ring.ko");
        dep.put("kernel/net/9p/9pnet.ko", "");
        dep.put("kernel/net/9p/9pnet_virtio.ko",
                "kernel/drivers/virtio/virtio.ko kernel/net/9p/9pnet.ko kernel/drivers/virtio/virtio_ring.ko");
        dep.put("kernel/fs/netfs/netfs.ko", "");
        dep.put("kernel/fs/9p/9p.ko", "kernel/net/9p/9pnet.ko kernel/fs/netfs/netfs.ko");
        dep.put("kernel/fs/overlayfs/overlay.ko", "");
        dep.put("kernel/net/netfilter/ipvs/ip_vs.ko", "");
        StringBuilder lines = new StringBuilder();
        for (var e : dep.entrySet()) {
            lines.append(e.getKey()).append(':').append(e.getValue().isEmpty() ? "" : " " + e.getValue()).append('\n');
            Files.createDirectories(mods.resolve(e.getKey()).getParent());
            Files.writeString(mods.resolve(e.getKey()), "module " + e.getKey());
        }
        Files.writeString(mods.resolve("modules.dep"), lines);
        Files.createDirectories(tmp.resolve("image/bin"));
        Files.writeString(tmp.resolve("image/bin/busybox"), "busybox!");
        return new VmImage(tmp.resolve("image"), release, "test");
    }

    /** Reads a newc archive back: name -> content (directories map to null), checking magic and 4-byte alignment. */
    private static Map<String, String> readCpio(byte[] a) {
        Map<String, String> entries = new LinkedHashMap<>();
        int pos = 0;
        while (true) {
            assertEquals("070701", new String(a, pos, 6, StandardCharsets.US_ASCII), "magic at " + pos);
            int mode = Integer.parseInt(new String(a, pos + 14, 8, StandardCharsets.US_ASCII), 16);
            int size = Integer.parseInt(new String(a, pos + 54, 8, StandardCharsets.US_ASCII), 16);
            int nameSize = Integer.parseInt(new String(a, pos + 94, 8, StandardCharsets.US_ASCII), 16);
            String name = new String(a, pos + 110, nameSize - 1, StandardCharsets.UTF_8);
            pos = (pos + 110 + nameSize + 3) & ~3;
            if (name.equals("TRAILER!!!")) {
                assertEquals(a.length, pos, "nothing after the trailer");
                return entries;
            }
            entries.put(name, (mode & 0040000) != 0 ? null
                    : new String(a, pos, size, StandardCharsets.UTF_8) + ((mode & 0111) != 0 ? " [x]" : ""));
            pos = (pos + size + 3) & ~3;
        }
    }

    @Test
    void theInitrdHoldsInitBusyboxAndTheNinePModulesWithTheirDependencies() throws IOException {
        VmImage image = fakeImage();
        Path initrd = tmp.resolve("initrd.img");
        Initrd.write(image, initrd);
        Map<String, String> entries = readCpio(Files.readAllBytes(initrd));
        assertTrue(entries.get("init").startsWith("#!/bin/busybox sh"), entries.get("init"));
        assertTrue(entries.get("init").endsWith(" [x]"), "init is executable");
        assertEquals("busybox! [x]", entries.get("bin/busybox"));
        String base = "lib/modules/6.1.0-99-amd64/";
        for (String m : List.of("drivers/virtio/virtio_pci.ko", "drivers/virtio/virtio.ko",
                "drivers/virtio/virtio_ring.ko", "drivers/char/hw_random/virtio-rng.ko", "net/9p/9pnet.ko",
                "net/9p/9pnet_virtio.ko", "fs/netfs/netfs.ko", "fs/9p/9p.ko", "fs/overlayfs/overlay.ko")) {
            assertEquals("module kernel/" + m, entries.get(base + "kernel/" + m), m);
        }
        assertFalse(entries.containsKey(base + "kernel/net/netfilter/ipvs/ip_vs.ko"), "only what init loads");
        assertTrue(entries.containsKey("lib/modules") && entries.get("lib/modules") == null,
                "parent directories come first");
        String dep = entries.get(base + "modules.dep");
        assertTrue(dep.contains("kernel/fs/9p/9p.ko: kernel/net/9p/9pnet.ko kernel/fs/netfs/netfs.ko\n"), dep);
        assertEquals(9, dep.lines().count(), dep);
        assertEquals("virtio_rng", Initrd.moduleName("kernel/drivers/char/hw_random/virtio-rng.ko"));
    }

    @Test
    void theControlHostKeyIsPinnedByTheFingerprintSshKeygenPrints() throws Exception {
        Path key = tmp.resolve("k");
        LocalCommand.check("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        String listed = LocalCommand.check("ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub").split("\\s+")[1];
        assertEquals(listed, GuestShell.fingerprint(Path.of(key + ".pub")));
    }

    @Test
    void theConsoleIsReadLineByLineAcrossPartialWrites() throws IOException {
        Path log = tmp.resolve("console.log");
        VmLab.ConsoleWatch watch = new VmLab.ConsoleWatch(log);
        assertEquals(List.of(), watch.newLines(), "no file yet");
        Files.writeString(log, "labtutor-vm: initrd\r\nlabtutor-vm: ho");
        assertEquals(List.of("labtutor-vm: initrd"), watch.newLines());
        Files.writeString(log, "st lb01 up [3.1]\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of("labtutor-vm: host lb01 up [3.1]"), watch.newLines());
        assertEquals(List.of(), watch.newLines());
    }

    @Test
    void theStateRemembersTheKernelTheReasonQemuAndAnUnfinishedUp() {
        SandboxSpec spec = SandboxSpec.defaults().withStateRoot(tmp).withName("s1");
        KernelChoice choice = new KernelChoice(SandboxKernel.VM, Text.of("虚拟机", "VM: no ip_vs"));
        new SandboxState(spec.withKernel(SandboxKernel.VM), Map.of(), choice, 4242, 77).write();
        SandboxState read = SandboxState.read(spec.stateDir()).orElseThrow();
        assertEquals(SandboxKernel.VM, read.choice().kernel());
        assertEquals("VM: no ip_vs", read.choice().reason().en());
        assertEquals("虚拟机", read.choice().reason().zh());
        assertEquals(4242, read.vmPid());
        assertFalse(read.complete(), "up (pid 77) has not finished");
        assertEquals(SandboxKernel.VM, read.spec().kernel(), "reset brings it up where it ran");
        new SandboxState(spec, Map.of(SandboxRole.LB01, 5L), new KernelChoice(SandboxKernel.MACHINE, Text.of("m", "m")),
                0, 0).write();
        SandboxState machine = SandboxState.read(spec.stateDir()).orElseThrow();
        assertTrue(machine.complete());
        assertEquals(Map.of(SandboxRole.LB01, 5L), machine.anchorPids());
        assertThrows(IllegalArgumentException.class, () -> new KernelChoice(SandboxKernel.AUTO, Text.of("", "")));
    }

    @Test
    void autoPicksTheVmExactlyWhenTheMachinesKernelLacksSomething() {
        List<String> missing = KernelChoice.missingOnMachine();
        KernelChoice auto = KernelChoice.decide(SandboxKernel.AUTO);
        assertEquals(missing.isEmpty() ? SandboxKernel.MACHINE : SandboxKernel.VM, auto.kernel());
        missing.forEach(m -> assertTrue(auto.reason().en().contains(m), auto.reason().en()));
        assertEquals(SandboxKernel.VM, KernelChoice.decide(SandboxKernel.VM).kernel());
        KernelChoice forced = KernelChoice.decide(SandboxKernel.MACHINE);
        assertEquals(SandboxKernel.MACHINE, forced.kernel());
        assertTrue(forced.reason().en().contains("--no-vm"), forced.reason().en());
    }
}
