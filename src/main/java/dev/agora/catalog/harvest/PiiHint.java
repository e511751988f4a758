package dev.agora.catalog.harvest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A first guess whether a harvested column holds personal data, from its name. Producers review and correct it
 * in the publish form; it only saves them ticking the obvious boxes.
 */
public final class PiiHint {

    private static final Pattern PERSONAL = Pattern.compile(
            "(^|_)(e_?mail|phone|mobile|full_?name|first_?name|last_?name|surname|given_?name|address|street|"
                    + "zip|postcode|postal_code|birth|dob|ssn|social_security|passport|iban|credit_card|card_number|"
                    + "ip_address|ip|national_id|tax_id)($|_)");

    private PiiHint() {
    }

    public static boolean likelyPersonal(String columnName) {
        return columnName != null && PERSONAL.matcher(columnName.toLowerCase(Locale.ROOT)).find();
    }
}
