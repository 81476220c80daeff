package dev.labtutor.cli;

import dev.labtutor.course.Course;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Inventory;
import dev.labtutor.lab.InventoryImport;
import dev.labtutor.lab.InventoryReader;
import dev.labtutor.yaml.DataFileException;
import dev.labtutor.yaml.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code labtutor lab import INVENTORY}: writes a commented lab file from an Ansible inventory (INI, or YAML when the
 * name ends in .yml/.yaml).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Write a lab file from an Ansible inventory (INI or YAML): hosts, ansible_host, ansible_user, "
                + "ansible_port, ansible_ssh_private_key_file, groups.")
public final class LabImportCommand extends CourseCommand {

    @Parameters(index = "0", paramLabel = "INVENTORY",
            description = "Ansible inventory file (INI, or YAML by its .yml/.yaml name).")
    Path inventory;

    @Option(names = "--map", paramLabel = "GROUP=ROLE", split = ",",
            description = "Which inventory group or host plays which course role; a role prefix numbers a group's hosts "
                    + "(e.g. --map directors=lb,webservers=web,storage=nfs-server). Default: hosts and single-host groups named like a role.")
    List<String> map = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the lab file here (default: standard output).")
    Path output;

    @Option(names = "--force", description = "Overwrite the output file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        Lang lang = courseOptions.lang();
        Course course = courseOptions.loadCourse();
        if (!Files.isRegularFile(inventory)) {
            throw new UserError(
                    Text.of("清单文件 " + inventory + " 不存在。", "the inventory " + inventory + " does not exist").in(lang));
        }
        Problems problems = new Problems();
        var read = InventoryReader.read(inventory, problems);
        if (!problems.isEmpty() || read.isEmpty()) {
            throw new UserError(Text.of("清单文件有误：\n", "the inventory is invalid:\n").in(lang)
                    + new DataFileException(problems.sorted()).listing(20));
        }
        Inventory inv = read.get();
        String command = "labtutor lab import " + inventory.getFileName()
                + (map.isEmpty() ? "" : " --map " + String.join(",", map));
        String text;
        try {
            Map<String, String> mapping = InventoryImport.parseMap(map);
            text = InventoryImport.render(inv, List.copyOf(course.roles().keySet()), mapping, command);
        } catch (InventoryImport.ImportException e) {
            throw new UserError(e.getMessage());
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        if (Files.exists(output) && !force) {
            throw new UserError(Text
                    .of(output + " 已存在（使用 --force 覆盖）", output + " already exists (--force overwrites it)").in(lang));
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UserError(
                    Text.of("无法写入 " + output + "：" + e.getMessage(), "cannot write " + output + ": " + e.getMessage())
                            .in(lang));
        }
        spec.commandLine().getErr()
                .println(Text
                        .of("已写入 " + output + "；请检查后运行 labtutor check LESSON --lab " + output,
                                "wrote " + output + "; check it, then run labtutor check LESSON --lab " + output)
                        .in(lang));
        return ExitCodes.OK;
    }
}
