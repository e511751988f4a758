package dev.agora.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.agora.catalog.PortContent;
import dev.agora.catalog.contract.ContractTerms;
import dev.agora.catalog.contract.QualityRule;
import dev.agora.catalog.contract.ServiceLevels;
import dev.agora.catalog.quality.QualityChecks;
import dev.agora.catalog.quality.RuleResult;
import dev.agora.platform.Refusal;
import dev.agora.platform.Refusal.FieldProblem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The publish form's contract section: service levels, and quality rules added from the list of kinds, each with
 * its parameters and a "Check now" that runs it against its port at once. Builds {@link ContractTerms}, persisting
 * nothing: the form saves them with ContractService.replaceTerms after the product.
 */
class ContractTermsEditor extends Div {

    /** The kinds a producer chooses from, with the words the form shows. */
    enum Kind {
        ROW_COUNT("Row count"), NULL_RATE("Null rate"), UNIQUE("Unique"), ACCEPTED_VALUES("Accepted values"),
        RANGE("Range"), FRESHNESS("Freshness"), CUSTOM_SQL("Custom SQL");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final TextField freshness = new TextField("Freshness (newest data at most)");
    private final TextField updateFrequency = new TextField("Update frequency");
    private final TextField supportChannel = new TextField("Support channel");
    private final TextField responseTime = new TextField("Support response time");
    private final VerticalLayout ruleRows = new VerticalLayout();
    private final List<RuleRow> rows = new ArrayList<>();
    private final Supplier<List<PortContent>> ports;
    private final Supplier<String> ownerTeam;
    private final QualityChecks checks;
    private final String username;

    ContractTermsEditor(Supplier<List<PortContent>> ports, Supplier<String> ownerTeam, QualityChecks checks,
            String username) {
        this.ports = ports;
        this.ownerTeam = ownerTeam;
        this.checks = checks;
        this.username = username;
        setId("contract-terms");
        addClassName("contract-terms");
        List.of(freshness, updateFrequency, responseTime).forEach(field -> {
            field.setPlaceholder("26h, 1d, 90min");
            field.setClearButtonVisible(true);
        });
        freshness.setId("contract-freshness");
        updateFrequency.setId("contract-update-frequency");
        supportChannel.setId("contract-support-channel");
        responseTime.setId("contract-response-time");
        supportChannel.setPlaceholder("#team-channel, https://… or mailto:…");
        FormLayout levels = new FormLayout(freshness, updateFrequency, supportChannel, responseTime);
        ruleRows.setPadding(false);
        Select<Kind> add = new Select<>();
        add.setId("add-rule");
        add.setPlaceholder("Add a quality rule…");
        add.setItems(Kind.values());
        add.setItemLabelGenerator(kind -> kind.label);
        add.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                addRow(event.getValue(), null);
                add.clear();
            }
        });
        add(new H3("Contract"), new H4("Service levels"), levels, new H4("Quality rules"), ruleRows, add);
    }

    void fill(ContractTerms terms) {
        ServiceLevels levels = terms.serviceLevels();
        freshness.setValue(text(levels.freshness()));
        updateFrequency.setValue(text(levels.updateFrequency()));
        supportChannel.setValue(levels.supportChannel() == null ? "" : levels.supportChannel());
        responseTime.setValue(text(levels.responseTime()));
        terms.rulesByPort().forEach((port, rules) -> rules.forEach(rule -> addRow(kindOf(rule), rule).port
                .setValue(port)));
    }

    /** The terms as entered; refused with the field of each value that cannot be read. */
    ContractTerms terms() {
        List<FieldProblem> problems = new ArrayList<>();
        ServiceLevels levels = new ServiceLevels(duration(freshness, problems), duration(updateFrequency, problems),
                supportChannel.getValue(), duration(responseTime, problems));
        Map<String, List<QualityRule>> rules = new LinkedHashMap<>();
        ports.get().forEach(port -> rules.put(port.name(), new ArrayList<>()));
        for (RuleRow row : rows) {
            QualityRule rule = row.rule(problems);
            if (rule != null) {
                rules.computeIfAbsent(row.port.getValue(), port -> new ArrayList<>()).add(rule);
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The contract is not valid: " + String.join("; ", problems.stream()
                    .map(p -> p.field() + " " + p.message()).toList()) + ".", problems);
        }
        return new ContractTerms(levels, rules);
    }

    /** Terms that promise nothing: no service levels, no rules. */
    static boolean isEmpty(ContractTerms terms) {
        return terms.serviceLevels().equals(ServiceLevels.NONE)
                && terms.rulesByPort().values().stream().allMatch(List::isEmpty);
    }

    private RuleRow addRow(Kind kind, QualityRule rule) {
        RuleRow row = new RuleRow(kind, rule);
        rows.add(row);
        ruleRows.add(row);
        return row;
    }

    private static Kind kindOf(QualityRule rule) {
        return Kind.valueOf(rule.kind().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** One rule: its port, name, description, the parameters of its kind, Check now and Remove. */
    private final class RuleRow extends Div {
        private final Kind kind;
        private final Select<String> port = new Select<>();
        private final TextField name = new TextField("Rule name");
        private final TextField description = new TextField("Description");
        private final TextField column = new TextField("Column");
        private final TextField columns = new TextField("Columns (comma-separated)");
        private final TextField low = new TextField("Minimum");
        private final TextField high = new TextField("Maximum");
        private final TextField percent = new TextField("Null rate at most (%)");
        private final TextField values = new TextField("Accepted values (comma-separated)");
        private final TextField age = new TextField("Newest value at most (e.g. 26h)");
        private final TextArea sql = new TextArea("Query of the offending rows");

        RuleRow(Kind kind, QualityRule rule) {
            this.kind = kind;
            addClassNames("card", "rule-row");
            List<String> names = ports.get().stream().map(PortContent::name).filter(n -> n != null && !n.isBlank())
                    .toList();
            port.setLabel("Port");
            port.setItems(names);
            if (!names.isEmpty()) {
                port.setValue(names.get(0));
            }
            name.setValue(rule == null ? kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + (rows.size()
                    + 1) : rule.name());
            description.setValue(rule == null || rule.description() == null ? "" : rule.description());
            FormLayout fields = new FormLayout(new Span(kind.label), port, name, description);
            switch (kind) {
                case ROW_COUNT -> fields.add(low, high);
                case NULL_RATE -> fields.add(column, percent);
                case UNIQUE -> fields.add(columns);
                case ACCEPTED_VALUES -> fields.add(column, values);
                case RANGE -> fields.add(column, low, high);
                case FRESHNESS -> fields.add(column, age);
                default -> fields.add(sql);
            }
            sql.setWidthFull();
            name.addClassName("rule-name");
            low.addClassName("rule-minimum");
            high.addClassName("rule-maximum");
            column.addClassName("rule-column");
            if (rule != null) {
                fill(rule);
            }
            Button check = new Button("Check now", VaadinIcon.PLAY.create(), click -> checkNow());
            check.addClassName("check-rule");
            check.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Button remove = new Button("Remove", click -> {
                rows.remove(this);
                ruleRows.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            add(fields, new HorizontalLayout(check, remove));
        }

        private void fill(QualityRule rule) {
            if (rule instanceof QualityRule.RowCount count) {
                low.setValue(count.min() == null ? "" : count.min().toString());
                high.setValue(count.max() == null ? "" : count.max().toString());
            } else if (rule instanceof QualityRule.NullRate rate) {
                column.setValue(rate.column());
                percent.setValue(rate.maxPercent().toPlainString());
            } else if (rule instanceof QualityRule.Unique unique) {
                columns.setValue(String.join(", ", unique.keyColumns()));
            } else if (rule instanceof QualityRule.AcceptedValues accepted) {
                column.setValue(accepted.column());
                values.setValue(String.join(", ", accepted.values()));
            } else if (rule instanceof QualityRule.ValueRange range) {
                column.setValue(range.column());
                low.setValue(range.min() == null ? "" : range.min().toPlainString());
                high.setValue(range.max() == null ? "" : range.max().toPlainString());
            } else if (rule instanceof QualityRule.Freshness fresh) {
                column.setValue(fresh.column());
                age.setValue(text(fresh.maxAge()));
            } else if (rule instanceof QualityRule.CustomSql custom) {
                sql.setValue(custom.sql());
            }
        }

        QualityRule rule(List<FieldProblem> problems) {
            String n = name.getValue().strip();
            String d = description.getValue();
            return switch (kind) {
                case ROW_COUNT -> new QualityRule.RowCount(n, d, whole(low, problems), whole(high, problems));
                case NULL_RATE -> new QualityRule.NullRate(n, d, column.getValue().strip(), number(percent, problems));
                case UNIQUE -> new QualityRule.Unique(n, d, list(columns));
                case ACCEPTED_VALUES -> new QualityRule.AcceptedValues(n, d, column.getValue().strip(), list(values));
                case RANGE -> new QualityRule.ValueRange(n, d, column.getValue().strip(), number(low, problems),
                        number(high, problems));
                case FRESHNESS -> new QualityRule.Freshness(n, d, column.getValue().strip(), duration(age, problems));
                default -> new QualityRule.CustomSql(n, d, sql.getValue());
            };
        }

        private void checkNow() {
            List<FieldProblem> problems = new ArrayList<>();
            QualityRule rule = rule(problems);
            PortContent target = ports.get().stream().filter(p -> p.name().equals(port.getValue())).findFirst()
                    .orElse(null);
            try {
                if (!problems.isEmpty()) {
                    throw Refusal.invalid(problems.get(0).field(), problems.get(0).message());
                }
                if (target == null) {
                    throw Refusal.invalid("port", "choose the rule's port");
                }
                RuleResult result = checks.checkNow(ownerTeam.get(), target.type(), target.location(), rule,
                        username);
                String text = rule.name() + ": " + result.outcome().name().toLowerCase(Locale.ROOT)
                        + (result.observed() == null ? "" : " (observed " + result.observed() + ")")
                        + (result.detail() == null || result.detail().isBlank() ? "" : " — " + result.detail());
                Notification.show(text, 6000, Notification.Position.BOTTOM_START).addThemeVariants(result.passed()
                        ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
            } catch (Refusal refused) {
                Notification.show(refused.reason(), 6000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }

    private static List<String> list(TextField field) {
        return Arrays.stream(field.getValue().split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static Long whole(TextField field, List<FieldProblem> problems) {
        String text = field.getValue().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notWhole) {
            problems.add(new FieldProblem(field.getLabel(), "must be a whole number"));
            return null;
        }
    }

    private static BigDecimal number(TextField field, List<FieldProblem> problems) {
        String text = field.getValue().strip();
        if (text.isEmpty() || text.length() > 40) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            problems.add(new FieldProblem(field.getLabel(), "must be a number"));
            return null;
        }
    }

    /** "26h", "1d", "90min", "45s" or ISO-8601 ("PT26H"); empty is none. */
    static Duration duration(TextField field, List<FieldProblem> problems) {
        String text = field.getValue().strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{1,6})(d|h|min|m|s)$").matcher(text);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "s" -> Duration.ofSeconds(n);
                    default -> Duration.ofMinutes(n);
                };
            }
        } catch (java.time.format.DateTimeParseException notADuration) {
            // said below
        }
        problems.add(new FieldProblem(field.getLabel(), "must be a duration such as 26h, 1d or 90min"));
        return null;
    }

    static String text(Duration duration) {
        return duration == null ? "" : ProductContractSection.duration(duration).replace(" ", "");
    }
}
