package dev.agora.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The words of the synthetic catalog, ranked by frequency: a head of real data-catalog words and a tail of
 * pronounceable made-up words, drawn with a Zipf (1/rank) distribution so that a few words are in most products
 * and most words in few. Deterministic: the same seed gives the same words in the same order.
 */
final class Vocabulary {

    /** The most frequent words, in rank order. Singular, letters only: no stemming surprises. */
    private static final String HEAD = """
            customer order product revenue event daily account payment invoice session campaign click user device
            region country store inventory shipment supplier price discount transaction ledger balance forecast
            churn subscription plan contract claim policy risk score model feature metric report dashboard partner
            channel marketing sale finance employee payroll warehouse delivery return refund cart checkout visit
            page search query impression conversion attribution budget spend cost margin profit tax currency
            exchange rate loan credit debit card merchant fraud alert incident ticket support agent call chat
            email message notification consent profile address segment cohort retention engagement lifetime value
            funnel lead opportunity pipeline quote booking reservation flight hotel trip route vehicle fleet driver
            sensor reading telemetry log audit role permission team project task sprint release deploy build test
            quality defect vendor purchase requisition approval asset maintenance repair part stock level threshold
            demand supply capacity schedule shift hour week month quarter year calendar holiday branch location
            city zone territory market competitor brand catalog category item variant bundle offer coupon loyalty
            reward point tier member household family patient doctor clinic prescription premium underwriting
            portfolio position trade book tick volatility exposure limit collateral settlement clearing transfer
            wallet statement interest fee charge penalty dispute chargeback identity verification document upload
            download stream batch snapshot history change lineage schema table column record entity attribute
            dimension fact aggregate summary detail raw cleaned curated enriched normalized validated master
            reference lookup mapping hierarchy taxonomy label annotation feedback rating review survey response
            question answer article content video view play watch song playlist artist album game match player
            achievement bid auction placement creative publisher advertiser keyword ranking recommendation
            personalization experiment outcome hypothesis signal latency throughput error warning origin target
            source sink topic partition offset consumer producer owner steward domain quota usage meter tariff
            energy grid outage weather temperature humidity pressure flow pump valve pipe well field crop harvest
            yield soil farm animal herd feed milk grain silo port vessel container cargo freight carrier parcel
            courier depot dock gate lane pallet picking packing sorting dispatch arrival departure delay
            cancellation complaint resolution escalation agreement renewal upgrade downgrade trial onboarding
            activation login password token key secret certificate encryption backup restore replica cluster node
            server storage memory network bandwidth packet firewall vulnerability patch scan compliance regulation
            tenant landlord lease rent property building floor room desk seat badge
            """;

    /** Column-name endings that make snake_case names look like real schemas. */
    static final List<String> COLUMN_SUFFIXES = List.of("id", "at", "date", "amount", "count", "code", "name",
            "flag", "type", "key", "total", "ratio");

    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "t",
            "v", "w", "z", "br", "cr", "dr", "fl", "gr", "kl", "pr", "st", "tr", "sh", "ch", "th", "pl", "sk", "sl"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "l", "m", "t", "k", "nd", "rt", "x", "ng"};

    private final List<String> words;
    private final double logRange;

    Vocabulary(int size, long seed) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String word : HEAD.split("\\s+")) {
            if (!word.isBlank() && chosen.size() < size) {
                chosen.add(word);
            }
        }
        Random random = new Random(seed);
        while (chosen.size() < size) {
            String word = madeUpWord(random);
            if (word.length() >= 4 && word.length() <= 11 && !word.endsWith("s")) {
                chosen.add(word);
            }
        }
        this.words = List.copyOf(chosen);
        this.logRange = Math.log(words.size() + 1);
    }

    private static String madeUpWord(Random random) {
        StringBuilder word = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            if (i == syllables - 1 || random.nextInt(3) == 0) {
                word.append(CODAS[random.nextInt(CODAS.length)]);
            }
        }
        return word.toString();
    }

    int size() {
        return words.size();
    }

    /** The word of a rank, 1 being the most frequent. */
    String word(int rank) {
        return words.get(rank - 1);
    }

    boolean contains(String word) {
        return words.contains(word);
    }

    List<String> words() {
        return words;
    }

    /** A rank drawn with probability ~ 1/rank: floor((n+1)^u) has P(r) = ln((r+1)/r) / ln(n+1). */
    int zipfRank(SplittableRandom random) {
        return zipfRank(random, logRange, words.size());
    }

    static int zipfRank(SplittableRandom random, double logRange, int size) {
        int rank = (int) Math.exp(random.nextDouble() * logRange);
        return Math.max(1, Math.min(size, rank));
    }

    String zipfWord(SplittableRandom random) {
        return word(zipfRank(random));
    }

    /** A tag list of the given size: words of the upper vocabulary in a shuffled order, so tags rank differently. */
    List<String> tags(int count, long seed) {
        List<String> pool = new ArrayList<>(words.subList(0, Math.min(words.size(), count * 5)));
        Collections.shuffle(pool, new Random(seed));
        return List.copyOf(pool.subList(0, count));
    }
}
