package dev.agora.access.policy;

import dev.agora.access.Principal;
import dev.agora.catalog.ProductStatus;
import java.util.List;
import java.util.Set;

/** A named rule an access request must pass to be submitted. Each is small and tested on its own. */
public interface SubmissionRule {

    Verdict check(SubmissionFacts facts);

    /** All rules, in the order their refusals are reported. */
    static List<SubmissionRule> all() {
        return List.of(new ProductIsOpenForRequests(), new JustificationIsGiven(), new DurationWithinPolicy(),
                new RequesterBelongsToTeam(), new PortsBelongToProduct(), new ColumnsExistOnPort());
    }

    /** Drafts are not offered yet and deprecated products are on their way out. */
    final class ProductIsOpenForRequests implements SubmissionRule {
        @Override
        public Verdict check(SubmissionFacts facts) {
            return facts.productStatus() == ProductStatus.PUBLISHED ? Verdict.allow()
                    : Verdict.refuse("product", "is " + facts.productStatus().name().toLowerCase()
                            + "; only published products take access requests");
        }
    }

    /** Owners decide on a purpose; a request without one cannot be judged. */
    final class JustificationIsGiven implements SubmissionRule {
        static final int MIN_LENGTH = 10;

        @Override
        public Verdict check(SubmissionFacts facts) {
            String justification = facts.justification() == null ? "" : facts.justification().strip();
            return justification.length() >= MIN_LENGTH ? Verdict.allow()
                    : Verdict.refuse("justification", "must say what the data is for (at least " + MIN_LENGTH
                            + " characters)");
        }
    }

    /** Each classification bounds how long access may last. */
    final class DurationWithinPolicy implements SubmissionRule {
        @Override
        public Verdict check(SubmissionFacts facts) {
            int max = facts.policy().maxDurationDays();
            return facts.durationDays() >= 1 && facts.durationDays() <= max ? Verdict.allow()
                    : Verdict.refuse("durationDays", "must be between 1 and " + max + " days for "
                            + facts.policy().classification() + " data");
        }
    }

    /** Only a member of a team may ask on the team's behalf. */
    final class RequesterBelongsToTeam implements SubmissionRule {
        @Override
        public Verdict check(SubmissionFacts facts) {
            if (facts.principal().type() == Principal.Type.USER) {
                return facts.principal().name().equals(facts.requester()) ? Verdict.allow()
                        : Verdict.refuse("principal", "a person can only request access for themself");
            }
            return facts.requesterTeams().contains(facts.principal().name()) ? Verdict.allow()
                    : Verdict.refuse("principal", "you are not a member of team " + facts.principal().name());
        }
    }

    /** The ports asked for must be ports of the product. */
    final class PortsBelongToProduct implements SubmissionRule {
        @Override
        public Verdict check(SubmissionFacts facts) {
            if (facts.requestedColumns().isEmpty()) {
                return Verdict.refuse("ports", "must name at least one output port");
            }
            for (String port : facts.requestedColumns().keySet()) {
                if (!facts.productPorts().contains(port)) {
                    return Verdict.refuse("ports", "the product has no output port '" + port + "' (it has "
                            + String.join(", ", facts.productPorts()) + ")");
                }
            }
            return Verdict.allow();
        }
    }

    /** Narrowing to columns only works with columns the port has. */
    final class ColumnsExistOnPort implements SubmissionRule {
        @Override
        public Verdict check(SubmissionFacts facts) {
            for (var requested : facts.requestedColumns().entrySet()) {
                Set<String> known = facts.portColumns().getOrDefault(requested.getKey(), Set.of());
                for (String column : requested.getValue()) {
                    if (!known.contains(column)) {
                        return Verdict.refuse("ports", "port '" + requested.getKey() + "' has no column '" + column + "'");
                    }
                }
            }
            return Verdict.allow();
        }
    }
}
