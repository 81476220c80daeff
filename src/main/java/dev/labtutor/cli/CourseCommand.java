package dev.labtutor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that reads the course ({@code --course}, {@code --lang}) and writes to the command line's streams. */
abstract class CourseCommand implements Callable<Integer> {

    @Mixin
    CourseOptions courseOptions = new CourseOptions();

    @Spec
    CommandSpec spec;
}
