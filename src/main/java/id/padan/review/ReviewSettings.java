package id.padan.review;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which decisions take effect only once a second person with the approver role agrees ({@code padan.review.approval-required}):
 * {@code NIK} (every NIK correction accepted, rejected or replaced) and {@code DECEASED_EXPLAINED} (a DECEASED_BENEFICIARY
 * explained away) by default; {@code PAIR} and {@code FINDING} may be added, an empty value needs no approver at all.
 */
@Component
public class ReviewSettings {
    public static final String APPROVAL = "padan.review.approval-required";
    private static final Set<String> KNOWN = Set.of("NIK", "DECEASED_EXPLAINED", "PAIR", "FINDING");
    private final Set<String> approval;

    @org.springframework.beans.factory.annotation.Autowired
    public ReviewSettings(Environment env) {
        this(env.getProperty(APPROVAL, "NIK,DECEASED_EXPLAINED"));
    }

    public ReviewSettings(String approvalRequired) {
        approval = Arrays.stream(approvalRequired.split(",")).map(s -> s.strip().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        for (String a : approval) {
            if (!KNOWN.contains(a)) throw new IllegalStateException(APPROVAL + ": '" + a + "' is not one of " + String.join(", ", KNOWN.stream().sorted().toList()));
        }
    }

    /** Whether a decision {@code k} on an item of {@code code} waits for an approver. Withdrawing ({@code BATAL}) never does. */
    public boolean needsApproval(String code, Keputusan k) {
        if (k == Keputusan.BATAL) return false;
        Keputusan.Kind kind = Keputusan.Kind.of(code);
        if (approval.contains(kind.name())) return true;
        return kind == Keputusan.Kind.FINDING && k.explains() && "DECEASED_BENEFICIARY".equals(code) && approval.contains("DECEASED_EXPLAINED");
    }
}
