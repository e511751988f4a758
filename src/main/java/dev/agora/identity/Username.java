package dev.agora.identity;

import dev.agora.platform.Refusal;
import java.util.Locale;
import java.util.regex.Pattern;

/** A valid account name: lower case, so that "Olivia" and "olivia" are one account. */
public record Username(String value) {

    private static final Pattern FORM = Pattern.compile("^[a-z0-9][a-z0-9._@-]{1,62}$");

    public Username {
        if (value == null || !FORM.matcher(value).matches()) {
            throw Refusal.invalid("username",
                    "must be 2 to 63 characters: letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
    }

    /** Whether a name can be a username at all: checked before any password is hashed or anything audited. */
    public static boolean isWellFormed(String normalised) {
        return normalised != null && FORM.matcher(normalised).matches();
    }

    public static Username of(String raw) {
        return new Username(normalise(raw));
    }

    static String normalise(String raw) {
        return raw == null ? null : raw.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
