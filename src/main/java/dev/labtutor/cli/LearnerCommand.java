package dev.labtutor.cli;

import picocli.CommandLine.Mixin;

/**
 * A command on the learner's course and lab ({@code check}, {@code progress}, {@code reset}, {@code show}): adds
 * {@code --lab} and the SSH options.
 */
abstract class LearnerCommand extends CourseCommand {

    @Mixin
    LabOptions labOptions = new LabOptions();
}
