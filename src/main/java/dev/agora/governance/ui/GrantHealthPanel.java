package dev.agora.governance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.agora.grants.GrantHealth;
import dev.agora.grants.GrantRepairs;
import dev.agora.grants.Reconciler;
import dev.agora.platform.Refusal;
import java.util.UUID;
import java.util.function.Supplier;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the grants stand in the engines, what failed, and what reconciliation found; reconcile on demand, retry a
 * failed job, heal or revoke a finding. The repairs are the grants feature's ({@link GrantRepairs}), which checks
 * the administrator and audits; this panel only shows their outcome.
 */
class GrantHealthPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final GrantHealth health;
    private final Reconciler reconciler;
    private final GrantRepairs repairs;
    private final String admin;

    GrantHealthPanel(GrantHealth health, Reconciler reconciler, GrantRepairs repairs, String admin) {
        this.health = health;
        this.reconciler = reconciler;
        this.repairs = repairs;
        this.admin = admin;
        setPadding(false);
        addClassName("grant-health");
        show();
    }

    private void show() {
        removeAll();
        GrantHealth.Health now = health.health(admin);
        Button reconcile = new Button("Reconcile now", click -> {
            Optional<Reconciler.Report> ran = reconciler.reconcileUnlessRunning(admin);
            if (ran.isEmpty()) {
                Notification.show("A reconciliation is already running; its findings appear here when it ends.",
                        5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_CONTRAST);
                return;
            }
            Reconciler.Report report = ran.get();
            Notification.show("Checked " + report.checked() + " grants: " + report.missing() + " missing (re-applied), "
                            + report.notRevoked() + " revoked but still in place (revocation re-queued), "
                            + report.extra() + " unknown.", 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(report.missing() + report.extra() + report.notRevoked() == 0
                            ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
            show();
        });
        reconcile.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reconcile.setId("reconcile-now");
        add(reconcile, new Paragraph("Active grants: " + (now.activeByEngine().isEmpty() ? "none"
                : now.activeByEngine().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))) + " · by status: " + now.byStatus()));

        add(new H4("Failed jobs"));
        Grid<GrantHealth.FailedJob> failed = new Grid<>();
        failed.addThemeVariants(GridVariant.LUMO_COMPACT);
        failed.addColumn(GrantHealth.FailedJob::engine).setHeader("Engine").setAutoWidth(true);
        failed.addColumn(GrantHealth.FailedJob::action).setHeader("Action").setAutoWidth(true);
        failed.addColumn(GrantHealth.FailedJob::resource).setHeader("Resource").setAutoWidth(true);
        failed.addColumn(GrantHealth.FailedJob::grantee).setHeader("Grantee").setAutoWidth(true);
        failed.addColumn(GrantHealth.FailedJob::attempts).setHeader("Attempts").setAutoWidth(true);
        failed.addColumn(GrantHealth.FailedJob::error).setHeader("Error").setFlexGrow(3);
        failed.addComponentColumn(job -> {
            Button retry = new Button("Retry", click -> repair(() -> repairs.retry(UUID.fromString(job.jobId()), admin)));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.addClassName("retry-job");
            return retry;
        }).setHeader("").setAutoWidth(true);
        failed.setItems(now.failedJobs());
        failed.setAllRowsVisible(true);
        failed.setId("failed-jobs-grid");
        add(failed);

        add(new H4("Revocations overdue"));
        if (now.overdueRevocations().isEmpty()) {
            add(new Paragraph("None: every revocation was done in time."));
        } else {
            add(new Paragraph("Access that should be gone is still in place; Agora keeps retrying until it is done."));
            Grid<GrantHealth.OverdueRevocation> overdue = new Grid<>();
            overdue.addThemeVariants(GridVariant.LUMO_COMPACT);
            overdue.addColumn(GrantHealth.OverdueRevocation::engine).setHeader("Engine").setAutoWidth(true);
            overdue.addColumn(GrantHealth.OverdueRevocation::resource).setHeader("Resource").setAutoWidth(true);
            overdue.addColumn(GrantHealth.OverdueRevocation::grantee).setHeader("Grantee").setAutoWidth(true);
            overdue.addColumn(r -> WHEN.format(r.revokeQueuedAt())).setHeader("Revoke asked").setAutoWidth(true);
            overdue.addColumn(GrantHealth.OverdueRevocation::attempts).setHeader("Attempts").setAutoWidth(true);
            overdue.addColumn(GrantHealth.OverdueRevocation::error).setHeader("Last error").setFlexGrow(3);
            overdue.setItems(now.overdueRevocations());
            overdue.setAllRowsVisible(true);
            overdue.setId("overdue-revocations-grid");
            add(overdue);
        }

        add(new H4("Last reconciliation"));
        now.lastReconciliation().ifPresentOrElse(run -> {
            add(new Paragraph(WHEN.format(run.startedAt()) + " by " + run.actor() + ": " + run.checked()
                    + " checked, " + run.missing() + " missing (" + run.healed() + " re-applied), " + run.extra()
                    + " unknown" + (run.errors().isEmpty() ? "" : "; errors: " + String.join("; ", run.errors()))));
            Grid<GrantHealth.DriftLine> drift = new Grid<>();
            drift.addThemeVariants(GridVariant.LUMO_COMPACT);
            drift.addColumn(f -> f.kind().name()).setHeader("Drift").setAutoWidth(true);
            drift.addColumn(GrantHealth.DriftLine::engine).setHeader("Engine").setAutoWidth(true);
            drift.addColumn(GrantHealth.DriftLine::grantee).setHeader("Grantee").setAutoWidth(true);
            drift.addColumn(GrantHealth.DriftLine::resource).setHeader("Resource").setAutoWidth(true);
            drift.addColumn(GrantHealth.DriftLine::action).setHeader("Done").setAutoWidth(true);
            drift.addColumn(f -> f.resolution() == null ? "" : f.resolution().name().toLowerCase() + " by "
                    + f.resolvedBy() + ": " + f.resolutionNote()).setHeader("Settled").setAutoWidth(true);
            drift.addComponentColumn(this::driftActions).setHeader("").setAutoWidth(true);
            drift.setItems(run.drift());
            drift.setAllRowsVisible(true);
            drift.setId("drift-grid");
            add(drift);
        }, () -> add(new Paragraph("No reconciliation has run yet.")));
    }

    private HorizontalLayout driftActions(GrantHealth.DriftLine finding) {
        HorizontalLayout actions = new HorizontalLayout();
        UUID id = UUID.fromString(finding.id());
        if (finding.actions().contains("HEAL")) {
            Button heal = new Button("Heal", click -> repair(() -> repairs.heal(id, admin)));
            heal.addThemeVariants(ButtonVariant.LUMO_SMALL);
            heal.addClassName("heal-drift");
            actions.add(heal);
        }
        if (finding.actions().contains("REVOKE")) {
            Button revoke = new Button("Revoke", click -> repair(() -> repairs.revoke(id, admin)));
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            revoke.addClassName("revoke-drift");
            actions.add(revoke);
        }
        return actions;
    }

    private void repair(Supplier<GrantRepairs.Repair> action) {
        try {
            GrantRepairs.Repair done = action.get();
            Notification.show((done.alreadyDone() ? "Already done: " : "Done: ") + done.outcome() + ".", 5000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (Refusal refusal) {
            Notification.show(refusal.reason(), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        show();
    }
}
