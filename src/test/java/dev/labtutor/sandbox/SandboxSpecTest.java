package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxSpecTest {

    private final SandboxSpec spec = SandboxSpec.defaults().withStateRoot(Path.of("/tmp/x"));

    @Test
    void defaultsDifferFromTheSeedLab() {
        assertEquals("10.77.0.0/24", spec.subnet());
        assertEquals("10.77.0.200", spec.vip());
        assertEquals("eth1", spec.iface());
        assertEquals("10.77.0.1", spec.tutorAddress());
        assertEquals(List.of(SandboxRole.values()), spec.roles());
    }

    @Test
    void rolesHaveFixedAddressesAndPrefixedNamespaces() {
        assertEquals("10.77.0.11", spec.address(SandboxRole.LB01));
        assertEquals("10.77.0.12", spec.address(SandboxRole.LB02));
        assertEquals("10.77.0.21", spec.address(SandboxRole.WEB01));
        assertEquals("10.77.0.31", spec.address(SandboxRole.NFS_SERVER));
        assertEquals("lt-lab-nfs-server", spec.hostNamespace(SandboxRole.NFS_SERVER));
        assertEquals("lt-lab-sw", spec.switchNamespace());
        assertEquals("lt-lab", spec.rootLink());
        assertEquals(Path.of("/tmp/x/lab"), spec.stateDir());
    }

    @Test
    void theKernelIsDecidedAtUpUnlessForcedAndEveryWitherKeepsIt() {
        assertEquals(SandboxKernel.AUTO, spec.kernel());
        assertEquals(SandboxKernel.AUTO,
                new SandboxSpec("lab", List.of(SandboxRole.LB01), "10.77.0", "eth1", Path.of("/tmp")).kernel());
        SandboxSpec vm = spec.withKernel(SandboxKernel.VM);
        assertEquals(SandboxKernel.VM, vm.withName("x").withRoles(List.of(SandboxRole.LB01)).withSubnetPrefix("10.77.9")
                .withIface("lab0").withStateRoot(Path.of("/tmp/y")).kernel());
        assertEquals("10.77.0.254", vm.vmAddress());
        assertEquals("lt-lab", vm.rootLink(), "the VM's tap has the name the namespace sandbox's veth has");
    }

    @Test
    void longestNameStillFitsLinuxInterfaceNames() {
        assertTrue(spec.withName("abcdefghij").rootLink().length() <= 15);
        assertThrows(IllegalArgumentException.class, () -> spec.withName("abcdefghijk"));
        assertThrows(IllegalArgumentException.class, () -> spec.withName("Lab"));
    }

    @Test
    void staysInsideTenSlashEightAndRefusesLoopback() {
        assertThrows(IllegalArgumentException.class, () -> spec.withSubnetPrefix("192.168.10"));
        assertThrows(IllegalArgumentException.class, () -> spec.withSubnetPrefix("172.16.0"));
        assertThrows(IllegalArgumentException.class, () -> spec.withSubnetPrefix("10.77.256"));
        assertThrows(IllegalArgumentException.class, () -> spec.withIface("lo"));
        assertEquals("10.1.2", spec.withSubnetPrefix("10.1.2").subnetPrefix());
        assertEquals("lab0", spec.withIface("lab0").iface());
    }

    @Test
    void refusesEmptyOrRepeatedRoles() {
        assertThrows(IllegalArgumentException.class, () -> spec.withRoles(List.of()));
        assertThrows(IllegalArgumentException.class, () -> spec.withRoles(List.of(SandboxRole.LB01, SandboxRole.LB01)));
    }

    @Test
    void parsesRoleIds() {
        assertEquals(SandboxRole.NFS_SERVER, SandboxRole.parse("nfs-server"));
        assertEquals(SandboxRole.LB02, SandboxRole.parse(" LB02 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SandboxRole.parse("db01"));
        assertTrue(e.getMessage().contains("lb01, lb02, web01, web02, nfs-server"), e.getMessage());
    }
}
