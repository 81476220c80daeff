package dev.labtutor.check.fact;

/** A typed observation parsed from a probe's output. Facts are immutable values. */
public sealed interface Fact permits Addresses, Sysctls, UnitState, PackageState, FileContent, ConfigFiles,
        KeepalivedTest, IpvsTable, SelinuxMode, FirewalldState, HttpResults, LogLines, CommandOutput, ProbeBroken,
        PersistedSysctls, Mounts, NfsExports, ExportList, OsRelease, UfwState {
}
