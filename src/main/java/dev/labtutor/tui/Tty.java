package dev.labtutor.tui;

import com.googlecode.lanterna.TerminalSize;
import java.io.IOException;
import java.util.Optional;

/**
 * The terminal device under the full-screen app: put into the mode the app reads keys in (no line editing, no echo, a
 * key at a time, Ctrl-C a key rather than a signal) and given back exactly as it was found.
 */
interface Tty {

    /** Remembers the current settings, then sets the app's mode. */
    void enterRaw() throws IOException;

    /** Puts back what {@link #enterRaw()} found; nothing when it never ran. */
    void restore() throws IOException;

    /** The window's size, when the device can tell it without a round trip through the terminal. */
    Optional<TerminalSize> size();
}
