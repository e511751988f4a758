package dev.agora.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The fixed mix of queries the benchmark runs, drawn with a seed from the corpus vocabulary: common and rare
 * single words, two words, words with one typo, 3–4-letter prefixes, and words with a domain (and sometimes a
 * classification) filter.
 */
final class QueryMix {

    /** The classes of query, with their share of the mix. */
    enum Kind {
        COMMON_WORD("common word", 35),
        RARE_WORD("rare word", 35),
        TWO_WORDS("two words", 35),
        TYPO("one typo", 30),
        PREFIX("prefix (3–4 letters)", 30),
        FILTERED("word + domain filter", 35);

        final String label;
        final int share;

        Kind(String label, int share) {
            this.label = label;
            this.share = share;
        }
    }

    /** One query: its class, the typed text and the facet filters (null when none). */
    record Query(Kind kind, String text, String domain, String classification) {

        String describe() {
            return text + (domain == null ? "" : " [domain=" + domain + "]")
                    + (classification == null ? "" : " [classification=" + classification + "]");
        }
    }

    private QueryMix() {
    }

    static List<Query> of(Vocabulary vocabulary, int total, long seed) {
        Random random = new Random(seed ^ 0x5EEDL);
        Set<String> known = knownTerms(vocabulary);
        int shares = 0;
        for (Kind kind : Kind.values()) {
            shares += kind.share;
        }
        List<Query> queries = new ArrayList<>();
        int left = total;
        Kind[] kinds = Kind.values();
        for (int k = 0; k < kinds.length; k++) {
            Kind kind = kinds[k];
            int count = k == kinds.length - 1 ? left : Math.round((float) total * kind.share / shares);
            left -= count;
            Set<String> used = new HashSet<>();
            int made = 0;
            while (made < count) {
                Query query = make(kind, vocabulary, known, random);
                if (query != null && used.add(query.describe())) {
                    queries.add(query);
                    made++;
                }
            }
        }
        return List.copyOf(queries);
    }

    private static Query make(Kind kind, Vocabulary vocabulary, Set<String> known, Random random) {
        return switch (kind) {
            // the 40 most frequent words: each is in roughly a third to all of the products
            case COMMON_WORD -> new Query(kind, vocabulary.word(1 + random.nextInt(40)), null, null);
            case RARE_WORD -> new Query(kind, vocabulary.word(1_000 + random.nextInt(vocabulary.size() - 999)),
                    null, null);
            case TWO_WORDS -> {
                String first = vocabulary.word(1 + random.nextInt(100));
                String second = vocabulary.word(20 + random.nextInt(1_480));
                yield first.equals(second) ? null : new Query(kind, first + " " + second, null, null);
            }
            case TYPO -> {
                String typo = typo(vocabulary.word(1 + random.nextInt(1_500)), random);
                yield typo == null || known.contains(typo) ? null : new Query(kind, typo, null, null);
            }
            case PREFIX -> {
                String word = vocabulary.word(1 + random.nextInt(2_000));
                int length = 3 + random.nextInt(2);
                String prefix = word.length() > length ? word.substring(0, length) : null;
                yield prefix == null || known.contains(prefix) ? null : new Query(kind, prefix, null, null);
            }
            case FILTERED -> {
                String domain = SyntheticCatalog.DOMAINS.get(random.nextInt(SyntheticCatalog.DOMAINS.size())).slug();
                int variant = random.nextInt(7);
                if (variant < 3) {
                    yield new Query(kind, vocabulary.word(1 + random.nextInt(40)), domain, null);
                } else if (variant < 5) {
                    yield new Query(kind, vocabulary.word(40 + random.nextInt(960)), domain, null);
                } else {
                    String classification = SyntheticCatalog.CLASSIFICATIONS[random.nextInt(4)];
                    yield new Query(kind, vocabulary.word(1 + random.nextInt(200)), domain, classification);
                }
            }
        };
    }

    /** One edit inside a word of five letters or more: a changed, dropped or swapped letter. */
    private static String typo(String word, Random random) {
        if (word.length() < 5) {
            return null;
        }
        char[] letters = word.toCharArray();
        int at = 1 + random.nextInt(letters.length - 2);
        String typo = switch (random.nextInt(3)) {
            case 0 -> {
                char replacement = (char) ('a' + random.nextInt(26));
                if (replacement == letters[at]) {
                    yield null;
                }
                letters[at] = replacement;
                yield new String(letters);
            }
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            default -> {
                if (letters[at] == letters[at + 1]) {
                    yield null;
                }
                char swapped = letters[at];
                letters[at] = letters[at + 1];
                letters[at + 1] = swapped;
                yield new String(letters);
            }
        };
        return typo == null || typo.endsWith("s") ? null : typo;
    }

    /** Every word the index holds apart from the vocabulary: a "typo" or "prefix" must be none of them. */
    private static Set<String> knownTerms(Vocabulary vocabulary) {
        Set<String> known = new HashSet<>(vocabulary.words());
        known.addAll(Vocabulary.COLUMN_SUFFIXES);
        for (SyntheticCatalog.Domain domain : SyntheticCatalog.DOMAINS) {
            known.addAll(List.of(domain.slug().split("-")));
        }
        for (String team : SyntheticCatalog.teams().keySet()) {
            known.addAll(List.of(team.split("-")));
        }
        known.addAll(List.of("bench", "lake", "stream", "agora", "example", "data", "sales", "marketing", "chain",
                "care", "synthetic", "daily", "utc"));
        return known;
    }
}
