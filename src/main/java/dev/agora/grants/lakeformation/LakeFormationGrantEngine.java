package dev.agora.grants.lakeformation;

import dev.agora.grants.ActualGrant;
import dev.agora.grants.GrantEngine;
import dev.agora.grants.GrantOutcome;
import dev.agora.grants.GrantSpec;
import dev.agora.grants.GrantsConfig;
import dev.agora.grants.PrincipalMapping;
import dev.agora.grants.Grantee;
import dev.agora.identity.Directory;
import dev.agora.platform.AwsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.BatchPermissionsFailureEntry;
import software.amazon.awssdk.services.lakeformation.model.BatchPermissionsRequestEntry;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.ListPermissionsRequest;
import software.amazon.awssdk.services.lakeformation.model.ListPermissionsResponse;
import software.amazon.awssdk.services.lakeformation.model.Permission;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.lakeformation.model.Resource;
import software.amazon.awssdk.services.lakeformation.model.TableResource;
import software.amazon.awssdk.services.lakeformation.model.TableWithColumnsResource;

/**
 * Grants on glue-table ports through AWS Lake Formation ({@code BatchGrantPermissions} /
 * {@code BatchRevokePermissions}): SELECT and DESCRIBE on the table, or SELECT on the named columns, to the
 * consumer team's IAM role or IAM Identity Center group. Per-entry failures are read, throttling is retried
 * later, and {@code ListPermissions} says what is actually granted. Switched on with
 * {@code AGORA_LAKEFORMATION=aws} (see {@code GrantEngineProducer}); credentials and region come from the standard
 * AWS provider chain.
 */
@ApplicationScoped
public class LakeFormationGrantEngine implements GrantEngine {

    private static final Set<String> PASSING = Set.of("ThrottlingException", "InternalServiceException",
            "ConcurrentModificationException", "OperationTimeoutException", "TooManyRequestsException");

    private final Supplier<LakeFormationClient> lakeFormation;
    private final Function<String, Optional<String>> teamPrincipals;
    private final Map<String, String> userPrincipals;
    private final Optional<String> catalogId;
    private volatile LakeFormationClient client;

    @Inject
    LakeFormationGrantEngine(AwsClients aws, Directory directory,
            @ConfigProperty(name = "agora.aws.lakeformation.endpoint") Optional<URI> endpoint,
            @ConfigProperty(name = "agora.aws.glue.catalog-id") Optional<String> catalogId,
            GrantsConfig config) {
        this(() -> aws.build(LakeFormationClient.builder(), endpoint), directory::awsPrincipalOf,
                PrincipalMapping.parse("AGORA_LF_USER_PRINCIPALS", config.lakeformationUserPrincipals().orElse("")),
                catalogId);
    }

    /** For a client built elsewhere (a test stub) and principals known in advance. */
    public LakeFormationGrantEngine(LakeFormationClient client, Function<String, Optional<String>> teamPrincipals,
            Map<String, String> userPrincipals, Optional<String> catalogId) {
        this(() -> client, teamPrincipals, userPrincipals, catalogId);
    }

    private LakeFormationGrantEngine(Supplier<LakeFormationClient> lakeFormation,
            Function<String, Optional<String>> teamPrincipals, Map<String, String> userPrincipals,
            Optional<String> catalogId) {
        this.lakeFormation = lakeFormation;
        this.teamPrincipals = teamPrincipals;
        this.userPrincipals = Map.copyOf(userPrincipals);
        this.catalogId = catalogId;
    }

    @Override
    public String name() {
        return "lakeformation";
    }

    @Override
    public boolean handles(String resourceType) {
        return "glue-table".equals(resourceType);
    }

    @Override
    public GranteeResolution resolve(Grantee grantee) {
        if (grantee.type().equals("TEAM")) {
            return teamPrincipals.apply(grantee.name()).map(GranteeResolution::of)
                    .orElse(GranteeResolution.impossible("team " + grantee.name() + " has no AWS principal; an "
                            + "administrator sets it with PUT /api/v1/admin/teams/" + grantee.name()
                            + " {\"awsPrincipalArn\": \"arn:aws:iam::…:role/…\"}"));
        }
        return Optional.ofNullable(userPrincipals.get(grantee.name())).map(GranteeResolution::of)
                .orElse(GranteeResolution.impossible("person " + grantee.name() + " has no AWS principal; map it in "
                        + "AGORA_LF_USER_PRINCIPALS or request access for a team"));
    }

    @Override
    public GrantOutcome grant(GrantSpec spec) {
        try {
            List<BatchPermissionsFailureEntry> failures = client().batchGrantPermissions(request -> {
                catalogId.ifPresent(request::catalogId);
                request.entries(entries(spec));
            }).failures();
            return outcome(failures);
        } catch (AwsServiceException refused) {
            return classify(refused);
        } catch (SdkException unreachable) {
            return new GrantOutcome.RetryLater(unreachable.getMessage());
        }
    }

    @Override
    public GrantOutcome revoke(GrantSpec spec) {
        try {
            List<BatchPermissionsFailureEntry> failures = client().batchRevokePermissions(request -> {
                catalogId.ifPresent(request::catalogId);
                request.entries(entries(spec));
            }).failures();
            // revoking what is not granted is reported as a failure entry: for Agora that is "already gone"
            List<BatchPermissionsFailureEntry> real = failures.stream()
                    .filter(f -> f.error() == null || !"InvalidInputException".equals(f.error().errorCode())
                            || f.error().errorMessage() == null || !f.error().errorMessage().contains("not granted"))
                    .toList();
            return real.isEmpty() && !failures.isEmpty() ? GrantOutcome.alreadyInPlace() : outcome(real);
        } catch (AwsServiceException refused) {
            return classify(refused);
        } catch (SdkException unreachable) {
            return new GrantOutcome.RetryLater(unreachable.getMessage());
        }
    }

    @Override
    public List<ActualGrant> actual(Collection<String> locations) {
        List<ActualGrant> actual = new ArrayList<>();
        for (String location : locations) {
            Table table = table(location);
            String token = null;
            do {
                String next = token;
                ListPermissionsResponse page = client().listPermissions(ListPermissionsRequest.builder()
                        .catalogId(catalogId.orElse(null))
                        .resource(Resource.builder().table(tableResource(table)).build())
                        .nextToken(next)
                        .build());
                for (PrincipalResourcePermissions permission : page.principalResourcePermissions()) {
                    String principal = permission.principal() == null ? null
                            : permission.principal().dataLakePrincipalIdentifier();
                    for (Permission granted : permission.permissions()) {
                        if (granted == Permission.SELECT && principal != null) {
                            TableWithColumnsResource columns = permission.resource() == null ? null
                                    : permission.resource().tableWithColumns();
                            if (columns != null && columns.hasColumnNames()) {
                                columns.columnNames().forEach(column ->
                                        actual.add(new ActualGrant(principal, location, column, "SELECT")));
                            } else {
                                actual.add(new ActualGrant(principal, location, null, "SELECT"));
                            }
                        }
                    }
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        }
        return actual;
    }

    private List<BatchPermissionsRequestEntry> entries(GrantSpec spec) {
        Table table = table(spec.location());
        DataLakePrincipal principal = DataLakePrincipal.builder().dataLakePrincipalIdentifier(spec.grantee()).build();
        if (spec.wholeResource()) {
            return List.of(BatchPermissionsRequestEntry.builder()
                    .id("table")
                    .principal(principal)
                    .resource(Resource.builder().table(tableResource(table)).build())
                    .permissions(Permission.SELECT, Permission.DESCRIBE)
                    .build());
        }
        return List.of(BatchPermissionsRequestEntry.builder()
                .id("columns")
                .principal(principal)
                .resource(Resource.builder().tableWithColumns(TableWithColumnsResource.builder()
                        .catalogId(catalogId.orElse(null))
                        .databaseName(table.database())
                        .name(table.name())
                        .columnNames(spec.columns())
                        .build()).build())
                .permissions(Permission.SELECT)
                .build());
    }

    private TableResource tableResource(Table table) {
        return TableResource.builder().catalogId(catalogId.orElse(null)).databaseName(table.database())
                .name(table.name()).build();
    }

    private static GrantOutcome outcome(List<BatchPermissionsFailureEntry> failures) {
        if (failures.isEmpty()) {
            return GrantOutcome.applied();
        }
        List<String> messages = new ArrayList<>();
        boolean passing = true;
        for (BatchPermissionsFailureEntry failure : failures) {
            String code = failure.error() == null ? "Unknown" : failure.error().errorCode();
            String message = failure.error() == null ? "" : failure.error().errorMessage();
            messages.add(code + ": " + message);
            passing &= PASSING.contains(code);
        }
        String reason = "Lake Formation refused " + String.join("; ", messages);
        return passing ? new GrantOutcome.RetryLater(reason) : new GrantOutcome.Failed(reason);
    }

    private static GrantOutcome classify(AwsServiceException refused) {
        String code = refused.awsErrorDetails() == null ? "" : refused.awsErrorDetails().errorCode();
        String reason = "Lake Formation: " + (code == null ? "" : code + ": ") + refused.awsErrorDetails().errorMessage();
        return PASSING.contains(code) || refused.isThrottlingException() || refused.statusCode() >= 500
                ? new GrantOutcome.RetryLater(reason) : new GrantOutcome.Failed(reason);
    }

    record Table(String database, String name) {}

    static Table table(String location) {
        String[] parts = location.strip().split("[./]", 2);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("not a Glue table: " + location);
        }
        return new Table(parts[0], parts[1]);
    }

    private LakeFormationClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = lakeFormation.get();
                }
            }
        }
        return client;
    }
}
