package dev.agora.catalog.search.lucene;

import dev.agora.catalog.search.SearchQuery;
import dev.agora.catalog.search.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what someone typed into a ranked Lucene query. No query syntax is parsed: the text is only split into
 * words, so quotes, backslashes, {@code &|!:*} or SQL fragments are just characters. Each word must match some
 * field (weighted), a word the index does not know is matched with typos allowed (one edit for 4 to 7
 * letters, two from 8), the last word also as a prefix of a name word, and the exact name scores highest.
 */
final class CatalogQueries {

    static final int MAX_WORDS = 12;
    private static final float FUZZY_WEIGHT = 0.5f;
    private static final float PREFIX_WEIGHT = 2.5f;
    private static final float EXACT_NAME_WEIGHT = 30f;

    private final Analyzer queryAnalyzer = CatalogAnalyzers.queryText();
    private final Analyzer prefixAnalyzer = CatalogAnalyzers.prefixQuery();

    /** The words of the text as the index holds them. */
    List<String> words(String text) {
        return analyze(queryAnalyzer, text);
    }

    /** The text query; {@code everyWord} demands each word, otherwise any word will do. */
    Query text(String text, IndexReader reader, boolean everyWord) throws IOException {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        List<String> raw = analyze(prefixAnalyzer, text);
        String lastRaw = raw.isEmpty() ? null : raw.get(raw.size() - 1);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            boolean last = i == words.size() - 1;
            query.add(word(words.get(i), last ? lastRaw : null, reader), everyWord ? Occur.MUST : Occur.SHOULD);
        }
        query.add(new BoostQuery(new TermQuery(new Term(IndexFields.NAME_EXACT, IndexFields.exactName(text))),
                EXACT_NAME_WEIGHT), Occur.SHOULD);
        return query.build();
    }

    private Query word(String word, String typedPrefix, IndexReader reader) throws IOException {
        List<Query> alternatives = new ArrayList<>();
        boolean known = false;
        for (String field : IndexFields.SEARCHED) {
            Term term = new Term(field, word);
            alternatives.add(new BoostQuery(new TermQuery(term), IndexFields.WEIGHTS.get(field)));
            known = known || reader.docFreq(term) > 0;
        }
        int edits = allowedEdits(word);
        if (!known && edits > 0) {
            for (String field : IndexFields.SEARCHED) {
                alternatives.add(new BoostQuery(new FuzzyQuery(new Term(field, word), edits, 1, 50, true),
                        IndexFields.WEIGHTS.get(field) * FUZZY_WEIGHT));
            }
        }
        if (typedPrefix != null && typedPrefix.length() >= 2 && typedPrefix.length() <= CatalogAnalyzers.MAX_PREFIX) {
            alternatives.add(new BoostQuery(new TermQuery(new Term(IndexFields.NAME_PREFIX, typedPrefix)),
                    PREFIX_WEIGHT));
        }
        return new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    /** Typos allowed in a word: none for short words, where one letter changes the meaning. */
    static int allowedEdits(String word) {
        int length = word.codePointCount(0, word.length());
        return length < 4 ? 0 : length < 8 ? 1 : 2;
    }

    /** Which products the searcher may find at all (see {@link Visibility}). */
    static Query visibility(SearchQuery search) {
        Visibility visibility = search.visibility();
        BooleanQuery.Builder allowed = new BooleanQuery.Builder();
        allowed.add(status("PUBLISHED"), Occur.SHOULD);
        if (search.wantsDeprecated()) {
            allowed.add(status("DEPRECATED"), Occur.SHOULD);
        }
        if (visibility.admin()) {
            allowed.add(status("DRAFT"), Occur.SHOULD);
        } else if (!visibility.teams().isEmpty()) {
            BooleanQuery.Builder ownTeams = new BooleanQuery.Builder();
            visibility.teams().forEach(team ->
                    ownTeams.add(new TermQuery(new Term(IndexFields.TEAM_FILTER, team)), Occur.SHOULD));
            allowed.add(new BooleanQuery.Builder()
                    .add(status("DRAFT"), Occur.FILTER)
                    .add(ownTeams.build(), Occur.FILTER)
                    .build(), Occur.SHOULD);
        }
        return allowed.setMinimumNumberShouldMatch(1).build();
    }

    private static Query status(String status) {
        return new TermQuery(new Term(IndexFields.STATUS_FILTER, status));
    }

    private static List<String> analyze(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && tokens.size() < MAX_WORDS) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return tokens;
    }
}
