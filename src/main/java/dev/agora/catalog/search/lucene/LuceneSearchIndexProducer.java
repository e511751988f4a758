package dev.agora.catalog.search.lucene;

import dev.agora.catalog.search.SearchIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The search index in use: the embedded Lucene index under {@code AGORA_DATA_DIR/search-index}. A deployment that
 * outgrows one node would produce an OpenSearch adapter here, chosen by {@code agora.search.engine}.
 */
@ApplicationScoped
public class LuceneSearchIndexProducer {

    private static final Logger LOG = Logger.getLogger(LuceneSearchIndexProducer.class);

    @Produces
    @ApplicationScoped
    SearchIndex searchIndex(@ConfigProperty(name = "agora.search.engine", defaultValue = "lucene") String engine,
            @ConfigProperty(name = "agora.data-dir", defaultValue = ".agora-data") Path dataDirectory) {
        if (!engine.equals("lucene")) {
            throw new IllegalStateException("agora.search.engine=" + engine + " is not available; use lucene");
        }
        Path location = dataDirectory.resolve("search-index").toAbsolutePath();
        LOG.infof("Search index at %s", location);
        return new LuceneSearchIndex(location);
    }

    void close(@Disposes SearchIndex index) throws IOException {
        if (index instanceof LuceneSearchIndex lucene) {
            lucene.close();
        }
    }
}
