package dev.labtutor.check.observe;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One sampling round: when (milliseconds since observing began), the IPv4 addresses each watched host holds (a host
 * missing from the map could not be asked this round), and the answer of each target.
 */
public record Sample(long at, Map<String, Set<String>> addresses, Map<Target, Answer> answers) {

    public Sample {
        addresses = Map.copyOf(addresses);
        answers = Map.copyOf(answers);
    }

    public Optional<Answer> answer(Target t) {
        return Optional.ofNullable(answers.get(t));
    }
}
