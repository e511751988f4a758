package dev.agora.identity;

import dev.agora.platform.Refusal;
import java.util.regex.Pattern;

/** A short, URL-safe, lower-case name ("sales-analytics") that identifies a domain or a team. */
public record Slug(String value) {

    private static final Pattern FORM = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    public Slug {
        if (value == null || value.length() > 63 || !FORM.matcher(value).matches()) {
            throw Refusal.invalid("slug", "must be lower-case letters and digits in words joined by '-', "
                    + "at most 63 characters");
        }
    }
}
