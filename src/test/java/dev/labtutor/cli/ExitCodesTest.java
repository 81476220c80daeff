package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.grading.GradeInputs;
import dev.labtutor.i18n.Text;
import dev.labtutor.sandbox.SandboxException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Exit codes are decided in ExitCodes: what the domain refuses is the user's to fix (2), the rest internal. */
class ExitCodesTest {

    @Test
    void theDomainsRefusalsOfBadInputExitTwoAndOtherExceptionsAreInternal() {
        assertEquals(OptionalInt.of(ExitCodes.BAD_INPUT),
                ExitCodes.userFault(new SandboxException(Text.of("沙箱坏了", "the sandbox broke"))));
        assertEquals(OptionalInt.of(ExitCodes.BAD_INPUT),
                ExitCodes.userFault(new GradeInputs.Invalid("roster r.yaml does not exist")));
        assertEquals(OptionalInt.of(ExitCodes.FAILED),
                ExitCodes.userFault(new UserError("nothing erased", ExitCodes.FAILED)));
        assertTrue(ExitCodes.userFault(new IllegalStateException("bug")).isEmpty());
    }

    @Test
    void passedIsZeroAndNotPassedIsOne() {
        assertEquals(0, ExitCodes.passed(true));
        assertEquals(1, ExitCodes.passed(false));
    }

    /** A sandbox error once escaped unguarded as "internal error" (exit 3); it is one sentence and exit 2 now. */
    @Test
    void aSandboxErrorIsPrintedInItsOwnWordsWithExitTwo() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new Failing());
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
        assertEquals(ExitCodes.BAD_INPUT, cl.execute());
        assertTrue(err.toString().startsWith("labtutor: "), err.toString());
        assertTrue(err.toString().contains("the sandbox broke") || err.toString().contains("沙箱坏了"), err.toString());
        assertTrue(!err.toString().contains("internal error") && !err.toString().contains("内部错误"), err.toString());
    }

    @picocli.CommandLine.Command(name = "failing")
    static final class Failing implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new SandboxException(Text.of("沙箱坏了", "the sandbox broke"));
        }
    }
}
