package dev.agora.identity.sso;

import java.util.Set;

/**
 * Where the browser goes after signing in: only a path of Agora itself ({@code /catalog?q=x}), never another site
 * ({@code //evil.example}, {@code /\evil.example}, {@code https://...}), never back into sign-in, bounded in length.
 */
public final class SignInTarget {

    static final int MAX_LENGTH = 1000;
    private static final Set<String> NOT_AFTER_SIGN_IN = Set.of("/login", "/sso");

    private SignInTarget() {
    }

    /** The target if it is a same-site relative path, else "/". */
    public static String of(String wanted) {
        if (wanted == null || wanted.isEmpty() || wanted.length() > MAX_LENGTH || !wanted.startsWith("/")
                || wanted.startsWith("//") || wanted.startsWith("/\\")) {
            return "/";
        }
        for (int i = 0; i < wanted.length(); i++) {
            char c = wanted.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return "/"; // control characters, spaces (header splitting) and backslashes have no place in a path
            }
        }
        String path = wanted.replaceFirst("[?#].*$", "");
        for (String sign : NOT_AFTER_SIGN_IN) {
            if (path.equals(sign) || path.startsWith(sign + "/")) {
                return "/";
            }
        }
        return wanted;
    }
}
