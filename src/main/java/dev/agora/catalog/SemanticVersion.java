package dev.agora.catalog;

import dev.agora.platform.Refusal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version (major.minor.patch, optional pre-release), ordered as semver orders them. */
public record SemanticVersion(int major, int minor, int patch, String preRelease) implements Comparable<SemanticVersion> {

    /** Longer versions are refused before the pattern sees them, so that no text makes parsing slow. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern FORM = Pattern.compile(
            "^(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$");

    public static SemanticVersion parse(String field, String text) {
        if (text != null && text.strip().length() > MAX_LENGTH) {
            throw Refusal.invalid(field, "must be a semantic version of at most " + MAX_LENGTH + " characters");
        }
        Matcher matcher = text == null ? null : FORM.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            throw Refusal.invalid(field, "must be a semantic version such as 1.0.0 or 2.1.0-beta.1");
        }
        return new SemanticVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), matcher.group(4));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int byNumbers = major != other.major ? Integer.compare(major, other.major)
                : minor != other.minor ? Integer.compare(minor, other.minor)
                : Integer.compare(patch, other.patch);
        if (byNumbers != 0) {
            return byNumbers;
        }
        if (preRelease == null || other.preRelease == null) {
            // a release ranks above its pre-releases
            return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
        }
        return comparePreRelease(preRelease, other.preRelease);
    }

    private static int comparePreRelease(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean aNumeric = a[i].chars().allMatch(Character::isDigit);
            boolean bNumeric = b[i].chars().allMatch(Character::isDigit);
            int order = aNumeric && bNumeric ? compareNumerals(a[i], b[i])
                    : aNumeric ? -1 : bNumeric ? 1 : a[i].compareTo(b[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** Numeric identifiers of any length, compared as numbers without parsing them (no overflow). */
    private static int compareNumerals(String left, String right) {
        String a = left.replaceFirst("^0+(?=.)", "");
        String b = right.replaceFirst("^0+(?=.)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
    }
}
